/**
 * A small HTTP server on 127.0.0.1 (ephemeral port) that answers every request with 200
 * and records its decoded path and arrival time, for harness runs of exported profiles.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface CountingServer {
  readonly url: string;
  /** Arrivals: decoded path (`/S1SP/SRV 4.6.1`) and milliseconds since the server started. */
  readonly arrivals: { path: string; atMs: number }[];
  close(): Promise<void>;
}

export async function startCountingServer(): Promise<CountingServer> {
  const arrivals: { path: string; atMs: number }[] = [];
  const t0 = performance.now();
  const server: Server = createServer((req, res) => {
    const raw = (req.url ?? "/").split("?")[0] ?? "/";
    let path = raw;
    try {
      path = decodeURIComponent(raw);
    } catch {
      // keep the raw path: a bad escape is itself a finding
    }
    arrivals.push({ path, atMs: performance.now() - t0 });
    req.resume();
    res.writeHead(200, { "content-type": "text/plain", connection: "keep-alive" });
    res.end("ok");
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    arrivals,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

/**
 * Compares arrivals with a schedule: per series (by path) and step, counting from the first
 * arrival. Returns a line per (series, step) and per series total whose expected count is at
 * least `min` and whose actual count is off by more than `tolerance`.
 */
export function countMismatches(
  arrivals: readonly { path: string; atMs: number }[],
  schedule: {
    readonly options: { readonly target: string };
    readonly steps: readonly { startSeconds: number; durationSeconds: number }[];
    readonly series: readonly { name: string; url: string; rates: readonly { expectedCount: number }[] }[];
  },
  min: number,
  tolerance: number,
): { mismatches: string[]; checked: number; table: string[] } {
  const first = Math.min(...arrivals.map((a) => a.atMs));
  const pathOf = (url: string): string => decodeURIComponent(url.slice(schedule.options.target.length));
  const mismatches: string[] = [];
  const table: string[] = [];
  let checked = 0;
  for (const series of schedule.series) {
    const path = pathOf(series.url);
    const mine = arrivals.filter((a) => a.path === path).map((a) => (a.atMs - first) / 1000);
    const check = (what: string, expected: number, actual: number): void => {
      table.push(`${series.name} ${what}: expected ${expected.toFixed(1)}, got ${actual}`);
      if (expected < min) return;
      checked++;
      if (Math.abs(actual - expected) > tolerance * expected) mismatches.push(`${series.name} ${what}: expected ${expected.toFixed(1)}, got ${actual}`);
    };
    schedule.steps.forEach((st, k) => {
      const end = st.startSeconds + st.durationSeconds;
      const last = k === schedule.steps.length - 1;
      const actual = mine.filter((t) => t >= st.startSeconds && (t < end || last)).length;
      check(`step ${k}`, series.rates[k]?.expectedCount ?? 0, actual);
    });
    check("total", series.rates.reduce((a, r) => a + r.expectedCount, 0), mine.length);
  }
  return { mismatches, checked, table };
}
