/**
 * Real Locust runs (Debian python3-locust 2.12) of an exported, compressed profile against
 * a counting server on 127.0.0.1: alone, and as master + 2 workers.
 */
import { rmSync } from "node:fs";
import { createServer, type AddressInfo } from "node:net";
import { join } from "node:path";
import { countMismatches, startCountingServer, type CountingServer } from "../support/counting-server";
import { killHarnesses, runHarness } from "../support/harness-run";
import { exportForHarness } from "./harness-profile";
import { DEBIAN_PYTHON } from "../support/debian-python";

const WRAPPER = join(__dirname, "../support/locust-wrapper.py");
jest.setTimeout(120_000);

let server: CountingServer;
beforeEach(async () => (server = await startCountingServer()));
afterEach(async () => {
  killHarnesses();
  await server.close();
});

describe("Locust runs the exported profile", () => {
  it("delivers the scheduled counts per transaction and step (one process)", async () => {
    const { dir, schedule, files } = await exportForHarness("locust", server.url);
    const run = await runHarness(DEBIAN_PYTHON, [WRAPPER, "-f", files[0] ?? "", "--headless", "--only-summary", "--loglevel", "WARNING"], dir, 90_000);
    expect({ code: run.code, tail: run.code === 0 ? "" : run.output.slice(-2000) }).toEqual({ code: 0, tail: "" });
    const { mismatches, checked } = countMismatches(server.arrivals, schedule, 50, 0.15);
    expect(checked).toBeGreaterThanOrEqual(6);
    expect(mismatches).toEqual([]);
    rmSync(dir, { recursive: true, force: true });
  });

  it("delivers the scheduled counts as master + 2 workers", async () => {
    const { dir, schedule, files } = await exportForHarness("locust", server.url, { engines: "2" });
    const file = files[0] ?? "";
    const port = String(await freePort());
    const master = runHarness(DEBIAN_PYTHON, [WRAPPER, "-f", file, "--headless", "--only-summary", "--master", "--master-bind-host", "127.0.0.1", "--master-bind-port", port, "--expect-workers", "2", "--expect-workers-max-wait", "30", "--loglevel", "INFO"], dir, 100_000);
    const workers = [1, 2].map(() => runHarness(DEBIAN_PYTHON, [WRAPPER, "-f", file, "--worker", "--master-host", "127.0.0.1", "--master-port", port, "--loglevel", "WARNING"], dir, 100_000));
    const [m] = await Promise.all([master, ...workers]);
    expect({ code: m?.code, tail: m?.code === 0 ? "" : m?.output.slice(-2000) }).toEqual({ code: 0, tail: "" });
    expect(m?.output).toMatch(/2 workers connected|Sending spawn jobs of \d+ users at [\d.]+ spawn rate to 2 ready workers/);
    const { mismatches, checked } = countMismatches(server.arrivals, schedule, 50, 0.15);
    expect(checked).toBeGreaterThanOrEqual(6);
    expect(mismatches).toEqual([]);
    rmSync(dir, { recursive: true, force: true });
  });
});

/** A port that was free a moment ago (zmq cannot bind port 0 and report it back). */
function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const s = createServer();
    s.on("error", fail);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => done(port));
    });
  });
}
