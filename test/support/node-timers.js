// jest-environment-jsdom hides Node's setImmediate; the .xlsx reader's zip library
// (yauzl) schedules with it, and pane tests read the sample workbook through that reader.
if (typeof globalThis.setImmediate === "undefined") {
  const timers = require("node:timers");
  globalThis.setImmediate = timers.setImmediate;
  globalThis.clearImmediate = timers.clearImmediate;
}
