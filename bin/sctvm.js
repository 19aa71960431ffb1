#!/usr/bin/env node
"use strict";
// A reader that closes early (`sctvm explain … | head`) is not an error worth a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (err) => {
    if (err && err.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw err;
  });
}
// Thin launcher: the CLI is compiled to lib/ by `npm run build:cli` (run by `prepare` on `npm ci`).
try {
  require("../lib/src/cli/main.js").main(process.argv.slice(2)).then((code) => { process.exitCode = code; });
} catch (err) {
  if (err && err.code === "MODULE_NOT_FOUND") {
    process.stderr.write("sctvm: not built yet; run `npm run build:cli` (npm ci does it for you)\n");
    process.exitCode = 3;
  } else {
    throw err;
  }
}
