/**
 * The task pane's and the function file's Content-Security-Policy, in one place: webpack
 * puts it in each page's <meta> and sends it as a header from the dev server; the
 * end-to-end test serves the built pages with the same header.
 *
 * Microsoft does not publish a canonical policy for add-ins (OfficeDev/office-js-docs-pr
 * issue 721, open). What is known from Microsoft's documentation and its issue tracker:
 * office.js loads from the Office CDN (appsforoffice.microsoft.com, and since 2026
 * officeapis.public.onecdn.static.microsoft) and from there loads further host scripts
 * (excel-web-16.00.js) and, in older builds, ajax.aspnetcdn.com; on Excel on the web it
 * injects inline styles, so `style-src 'self'` stops it (OfficeDev/office-js issue 1687);
 * the page is framed by Office on the web (excel.cloud.microsoft, *.officeapps.live.com,
 * *.sharepoint.com: office-js-docs-pr issue 4911), so `frame-ancestors` must allow those.
 * Scripts stay limited to this origin and Microsoft's CDNs: no 'unsafe-inline' and no
 * 'unsafe-eval' for scripts (webpack's devtool is "source-map", chart.js needs no eval).
 * CommonJS so webpack.config.js can require it; typed by content-security-policy.d.ts.
 */
const MICROSOFT = [
  "https://*.microsoft.com",
  "https://*.office.com",
  "https://*.office.net",
  "https://*.officeapps.live.com",
  "https://*.cloud.microsoft",
  "https://*.static.microsoft",
];

const OFFICE_SCRIPTS = [
  "https://appsforoffice.microsoft.com",
  "https://officeapis.public.onecdn.static.microsoft",
  "https://ajax.aspnetcdn.com",
];

/** Who may frame the pane: Office on the web's hosts (a header-only directive). */
const FRAME_ANCESTORS = [
  "'self'",
  "https://*.officeapps.live.com",
  "https://*.office.com",
  "https://*.office365.com",
  "https://*.sharepoint.com",
  "https://excel.cloud.microsoft",
  "https://*.cloud.microsoft",
];

const DIRECTIVES = {
  "default-src": ["'self'"],
  "script-src": ["'self'", ...OFFICE_SCRIPTS],
  // office.js injects <style> elements and style attributes (issue 1687).
  "style-src": ["'self'", "'unsafe-inline'", ...MICROSOFT],
  "img-src": ["'self'", "data:", ...MICROSOFT],
  "font-src": ["'self'", "data:", ...MICROSOFT],
  // office.js talks to Office's services (telemetry, host messages) and opens frames there.
  "connect-src": ["'self'", ...MICROSOFT],
  "frame-src": ["'self'", ...MICROSOFT],
  "object-src": ["'none'"],
  "base-uri": ["'self'"],
  "form-action": ["'none'"],
};

function serialise(directives) {
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(" ")}`)
    .join("; ");
}

/** For a <meta http-equiv>: browsers ignore frame-ancestors there, so it is left out. */
const META_POLICY = serialise(DIRECTIVES);
/** For the HTTP header: the same, plus who may frame the pane. */
const HEADER_POLICY = serialise({ ...DIRECTIVES, "frame-ancestors": FRAME_ANCESTORS });

module.exports = { META_POLICY, HEADER_POLICY, DIRECTIVES, FRAME_ANCESTORS, OFFICE_SCRIPTS };
