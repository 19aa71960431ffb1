/**
 * Installs mock `Office` and `Excel` globals, as the toolchain notes require before the
 * module under test is imported (import this first). The adapter itself never needs them
 * at import time; they stand for the office.js script tag.
 */
import { OfficeMockObject } from "./office-addin-mock";

const globals = globalThis as { Office?: unknown; Excel?: unknown };
globals.Office = new OfficeMockObject({
  onReady: async () => ({ host: "Excel", platform: "OfficeOnline" }),
  HostType: { Excel: "Excel" },
});
globals.Excel = new OfficeMockObject({
  run: async () => {
    throw new Error("tests pass their own run: the global Excel.run must not be used");
  },
});
