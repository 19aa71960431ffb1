/**
 * What office.js does on Excel on the web beyond defining `Office` and `Excel`, which a
 * Content-Security-Policy must allow: it loads the host's script from the CDN, injects
 * styles (a <style> element and style attributes) and opens frames on Office's origins
 * (OfficeDev/office-js issue 1687). The stand-in does the same in the end-to-end test, so
 * a policy that would stop office.js stops the test.
 */
export const OFFICE_LIKE_SCRIPT = "https://appsforoffice.microsoft.com/lib/1/hosted/excel-web-16.00.js";
export const OFFICE_LIKE_FRAME = "https://excel.officeapps.live.com/x/_layouts/blank.html";

/** Runs the loads once the document has a body; marks the window when each happened. */
export function doOfficeLikeLoads(doc: Document): void {
  const style = doc.createElement("style");
  style.textContent = "#sctvm-office-like { display: none; }";
  doc.head.appendChild(style);
  const marker = doc.createElement("div");
  marker.id = "sctvm-office-like";
  marker.setAttribute("style", "width: 3px");
  doc.body.appendChild(marker);
  const script = doc.createElement("script");
  script.src = OFFICE_LIKE_SCRIPT;
  doc.head.appendChild(script);
  const frame = doc.createElement("iframe");
  frame.src = OFFICE_LIKE_FRAME;
  frame.title = "office";
  frame.hidden = true;
  doc.body.appendChild(frame);
}
