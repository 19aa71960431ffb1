/**
 * The manifest for a deployment: every https://localhost:3000 URL of manifest.xml replaced
 * by the deployment's base URL, and SupportUrl pointing at the deployed support page.
 * Used by webpack.config.js (`npm run build -- --env url=https://host/path`) and tested by
 * test/manifest.test.ts, which runs the offline manifest checks on its output too.
 * CommonJS so the webpack config can require it.
 */
const DEV_ORIGIN = "https://localhost:3000";

/**
 * A deployment base URL, checked: https, no query or fragment, no trailing slash.
 * @example checkBaseUrl("https://addins.example.org/sctvm/") // "https://addins.example.org/sctvm"
 */
function checkBaseUrl(url) {
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`--env url=${url} is not a URL; expected e.g. https://addins.example.org/sctvm`);
  }
  if (parsed.protocol !== "https:") throw new Error(`--env url=${url} must use https (Office loads add-ins over https only)`);
  if (parsed.search || parsed.hash) throw new Error(`--env url=${url} must not have a query or a fragment`);
  if (/^(localhost|127\.|\[::1\])/i.test(parsed.hostname)) throw new Error(`--env url=${url} is a local address; a production manifest needs the deployed host`);
  return `${parsed.origin}${parsed.pathname.replace(/\/+$/, "")}`;
}

/**
 * @param {string} xml manifest.xml as written for development
 * @param {string} baseUrl where dist/ is deployed, e.g. https://addins.example.org/sctvm
 * @param {string} [supportUrl] the support page (default: support.html beside the pane)
 */
function productionManifest(xml, baseUrl, supportUrl) {
  const base = checkBaseUrl(baseUrl);
  const support = supportUrl ? checkBaseUrl(supportUrl) : `${base}/support.html`;
  const withSupport = xml.replace(/(<SupportUrl\s+DefaultValue=")[^"]*(")/, `$1${support}$2`);
  // AppDomain is an origin, not a path.
  const withDomain = withSupport.replace(/(<AppDomain>)https:\/\/localhost:3000(<\/AppDomain>)/g, `$1${new URL(base).origin}$2`);
  return withDomain.split(DEV_ORIGIN).join(base);
}

module.exports = { productionManifest, checkBaseUrl, DEV_ORIGIN };
