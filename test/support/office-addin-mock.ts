/**
 * office-addin-mock for jest. Its dependency office-addin-manifest pulls in an ES module
 * (strip-bom) that jest 30 cannot require on Node 20, and the mock needs only the
 * `OfficeApp` host names from it, so that module is replaced by those names here.
 * Tests import `OfficeMockObject` from this file, not from "office-addin-mock".
 */
jest.mock("office-addin-manifest", () => ({
  OfficeApp: { Excel: "excel", OneNote: "onenote", Outlook: "outlook", PowerPoint: "powerpoint", Project: "project", Word: "word" },
}));

import { OfficeMockObject } from "office-addin-mock";

export { OfficeMockObject };
