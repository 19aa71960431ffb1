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
 * Compares arrivals with a schedule, counting from the first arrival: per series (by path)
 * and step, and per series in total. A loaded machine shifts a harness's step changes by a
 * fraction of a second, so each step is compared over its middle part only (`guardSeconds`
 * off each inner boundary, expected counts integrated over the same window). Returns a line
 * for every compared count whose expected value is at least `min` and whose actual count is
 * off by more than `tolerance`.
 */
export function countMismatches(
  arrivals: readonly { path: string; atMs: number }[],
  schedule: {
    readonly options: { readonly target: string };
    readonly steps: readonly { startSeconds: number; durationSeconds: number }[];
    readonly series: readonly { name: string; url: string; rates: readonly { ratePerSecond: number; endRatePerSecond: number; expectedCount: number }[] }[];
  },
  min: number,
  tolerance: number,
  guardSeconds = 1,
): { mismatches: string[]; checked: number; table: string[] } {
  const first = Math.min(...arrivals.map((a) => a.atMs));
  const pathOf = (url: string): string => decodeURIComponent(url.slice(schedule.options.target.length));
  const mismatches: string[] = [];
  const table: string[] = [];
  let checked = 0;
  const last = schedule.steps.length - 1;
  for (const series of schedule.series) {
    const path = pathOf(series.url);
    const mine = arrivals.filter((a) => a.path === path).map((a) => (a.atMs - first) / 1000);
    const check = (what: string, expected: number, actual: number): void => {
      const line = `${series.name} ${what}: expected ${expected.toFixed(1)}, got ${actual}`;
      table.push(line);
      if (expected < min) return;
      checked++;
      if (Math.abs(actual - expected) > tolerance * expected) mismatches.push(line);
    };
    schedule.steps.forEach((st, k) => {
      const r = series.rates[k];
      if (!r) return;
      const from = k === 0 ? st.startSeconds : st.startSeconds + guardSeconds;
      const to = k === last ? Infinity : st.startSeconds + st.durationSeconds - guardSeconds;
      const rateAt = (t: number): number => r.ratePerSecond + ((r.endRatePerSecond - r.ratePerSecond) * (Math.min(t, st.startSeconds + st.durationSeconds) - st.startSeconds)) / st.durationSeconds;
      const end = Math.min(to, st.startSeconds + st.durationSeconds);
      const expected = ((rateAt(from) + rateAt(end)) / 2) * (end - from);
      check(`step ${k} (${from.toFixed(0)}-${Number.isFinite(to) ? to.toFixed(0) : "end"} s)`, expected, mine.filter((t) => t >= from && t < to).length);
    });
    check("total", series.rates.reduce((a, r) => a + r.expectedCount, 0), mine.length);
  }
  return { mismatches, checked, table };
}
