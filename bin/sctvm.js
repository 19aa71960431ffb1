#!/usr/bin/env node
"use strict";
// A reader that closes early (`sctvm explain … | head`) is not an error worth a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (err) => {
    if (err && err.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw err;
  });
}
// Thin launcher: the CLI is compiled to lib/ and bundled with a code cache by `npm run
// build:cli` (run by `prepare` on `npm ci`); lib/src/cli/launch.js picks the bundle or lib/src.
try {
  require("../lib/src/cli/launch.js").loadCliMain()(process.argv.slice(2)).then((code) => { process.exitCode = code; });
} catch (err) {
  if (err && err.code === "MODULE_NOT_FOUND") {
    process.stderr.write("sctvm: not built yet; run `npm run build:cli` (npm ci does it for you)\n");
    process.exitCode = 3;
  } else {
    throw err;
  }
}
