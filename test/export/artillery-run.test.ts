/**
 * A real Artillery 2 run (npm) of an exported, compressed profile against a counting server
 * on 127.0.0.1: counts per transaction and per step within 15% of the schedule.
 */
import { existsSync, rmSync } from "node:fs";
import { join } from "node:path";
import { countMismatches, startCountingServer, type CountingServer } from "../support/counting-server";
import { killHarnesses, runHarness } from "../support/harness-run";
import { exportForHarness } from "./harness-profile";

const ARTILLERY = join(__dirname, "../../node_modules/.bin/artillery");
jest.setTimeout(150_000);

let server: CountingServer;
beforeEach(async () => (server = await startCountingServer()));
afterEach(async () => {
  killHarnesses();
  await server.close();
});

describe("Artillery runs the exported profile", () => {
  it("delivers the scheduled counts per transaction and step", async () => {
    if (!existsSync(ARTILLERY)) throw new Error(`${ARTILLERY} is missing: run npm install (artillery is a devDependency)`);
    const { dir, schedule, files } = await exportForHarness("artillery", server.url);
    expect(files).toEqual(["FOC_S1SP.artillery.yml", "FOC_S1SP.artillery.js"]);
    const run = await runHarness(ARTILLERY, ["run", "--quiet", "--output", join(dir, "report.json"), files[0] ?? ""], dir, 120_000, {
      ARTILLERY_DISABLE_TELEMETRY: "true",
      ARTILLERY_TELEMETRY_DEFAULTS: "",
    });
    expect({ code: run.code, tail: run.code === 0 ? "" : run.output.slice(-2000) }).toEqual({ code: 0, tail: "" });
    const { mismatches, checked, table } = countMismatches(server.arrivals, schedule, 50, 0.15);
    if (process.env.SCTVM_SHOW_COUNTS) console.log(table.join("\n"));
    expect(checked).toBeGreaterThanOrEqual(6);
    expect(mismatches).toEqual([]);
    rmSync(dir, { recursive: true, force: true });
  });
});
