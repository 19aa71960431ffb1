import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { HarnessResults, ParsedResults, ResultsFormat } from "./harness-results";
import { parseResults } from "./parse-results";
import { endpointName } from "./parse-artillery";

const FIXTURES = join(__dirname, "../../test/fixtures/results");
const read = (f: string): string => readFileSync(join(FIXTURES, f), "utf8");

function ok(p: ParsedResults): HarnessResults {
  if ("error" in p) throw new Error(`${p.error.where}: ${p.error.message}`);
  return p.results;
}

const pct = (r: { percentiles: readonly { fraction: number; seconds: number }[] }, f: number): number | undefined => r.percentiles.find((p) => p.fraction === f)?.seconds;
const bucketTotal = (r: HarnessResults, name = ""): number => (r.buckets ?? []).reduce((a, b) => a + (b.counts.get(name) ?? 0), 0);

describe("results parsers on real and hand-checked files", () => {
  it("reads a real Artillery report: per name through metrics-by-endpoint, 404s as failures, periods", () => {
    const r = ok(parseResults("artillery", { text: read("artillery-report.json") }));
    expect(r.total).toMatchObject({ count: 60, failures: 30 });
    expect(r.requests.map((x) => [x.name, x.count, x.failures])).toEqual([
      ["S1SP/SRV 4.6.1", 30, 0],
      ["DSP/Read (Traffic)", 30, 30],
    ]);
    expect(pct(r.total, 0.95)).toBe(0.016);
    expect(pct(r.requests[0]!, 0.95)).toBe(0.0169);
    expect(bucketTotal(r)).toBe(60);
    expect(bucketTotal(r, "S1SP/SRV 4.6.1")).toBe(30);
    expect(r.durationSeconds).toBeCloseTo(5.815, 3);
  });

  it("reads real Locust stats and full history: totals, ms percentiles, cumulative counts as buckets ending at the final count", () => {
    const r = ok(parseResults("locust", { text: read("locust_stats.csv"), history: read("locust_stats_history.csv") }));
    expect(r.total).toMatchObject({ count: 120, failures: 65 });
    expect(r.requests.map((x) => [x.name, x.count, x.failures])).toEqual([
      ["DSP/Read (Traffic)", 65, 65],
      ["S1SP/SRV 4.6.1", 55, 0],
    ]);
    expect(pct(r.total, 0.95)).toBe(0.087);
    expect(pct(r.total, 1)).toBe(0.3);
    expect(bucketTotal(r)).toBe(120);
    expect(bucketTotal(r, "S1SP/SRV 4.6.1")).toBe(55);
    expect(r.buckets![0]!.startSeconds).toBe(0);
  });

  it("reads Locust stats alone (no time series)", () => {
    const r = ok(parseResults("locust", { text: read("locust_stats.csv") }));
    expect(r.buckets).toBeNull();
    expect(r.durationSeconds).toBeCloseTo(120 / 10.015887985562628, 9);
  });

  it("reads a k6 summary export: passes of http_req_failed are the failures, sub-metrics per name", () => {
    const r = ok(parseResults("k6", { text: read("k6-summary.json") }));
    expect(r.total).toEqual({
      name: "",
      count: 1200,
      failures: 6,
      percentiles: [
        { fraction: 0.5, seconds: 0.035 },
        { fraction: 0.9, seconds: 0.0805 },
        { fraction: 0.95, seconds: 0.12025 },
        { fraction: 0.99, seconds: 0.4 },
        { fraction: 1, seconds: 0.9124 },
      ],
    });
    expect(r.requests.map((x) => [x.name, x.count, x.failures, pct(x, 0.95)])).toEqual([
      ["S1SP/SRV 4.6.1", 900, 0, 0.09],
      ["S1SP/Read (Traffic)", 300, 6, 0.48],
    ]);
    expect(r.durationSeconds).toBeCloseTo(60.0125, 9);
    expect(r.buckets).toBeNull();
  });

  it("reads a JMeter JTL: exact nearest-rank percentiles, samples counted in the second they end", () => {
    const r = ok(parseResults("jmeter", { text: read("jmeter.jtl") }));
    expect(r.total).toMatchObject({ count: 8, failures: 1 });
    expect(pct(r.total, 0.5)).toBe(0.2);
    expect(pct(r.total, 0.75)).toBe(0.4);
    expect(pct(r.total, 0.95)).toBe(0.6);
    const srv = r.requests.find((x) => x.name === "S1SP/SRV 4.6.1")!;
    expect([srv.count, srv.failures, pct(srv, 0.5), pct(srv, 0.9)]).toEqual([6, 1, 0.2, 0.6]);
    expect(r.requests.map((x) => x.name)).toEqual(["S1SP/SRV 4.6.1", "S1SP/Read, daily (Traffic)"]);
    expect(r.buckets!.map((b) => b.counts.get(""))).toEqual([3, 2, 2, 1]);
    expect(r.buckets!.map((b) => b.counts.get("S1SP/SRV 4.6.1") ?? 0)).toEqual([2, 2, 1, 1]);
    expect(r.durationSeconds).toBe(3.5);
  });

  it("finds the request name in an endpoint key, parentheses and all", () => {
    expect(endpointName("/nope (DSP/Read (Traffic))")).toBe("DSP/Read (Traffic)");
    expect(endpointName("/S1SP/SRV 4.6.1 (S1SP/SRV 4.6.1)")).toBe("S1SP/SRV 4.6.1");
    expect(endpointName("S1SP/Read (Traffic)")).toBe("S1SP/Read (Traffic)");
  });
});

describe("results parsers on bad files: one clear error naming the line or field", () => {
  const cases: [string, ResultsFormat, string, RegExp, RegExp][] = [
    ["empty Artillery report", "artillery", "", /^line 1$/, /found an empty file/],
    ["truncated Artillery report", "artillery", read("artillery-report.json").slice(0, 700), /^line \d+$/, /ends early \(the file looks truncated\)/],
    ["Artillery JSON of something else", "artillery", '{"metrics": {}}', /^field 'aggregate'$/, /aggregate metrics of an Artillery JSON report/],
    ["not JSON at all", "artillery", "aggregate:\n  counters: {}\n", /^line 1$/, /not JSON/],
    ["empty Locust stats", "locust", "", /^stats\.csv line 1$/, /found an empty file/],
    ["Locust stats cut mid-row", "locust", read("locust_stats.csv").split("\n").slice(0, 3).join("\n").slice(0, -40), /^stats\.csv line 3$/, /expected 22 fields, found \d+/],
    ["Locust stats without the Aggregated row", "locust", read("locust_stats.csv").split("\n").slice(0, 3).join("\n") + "\n", /^stats\.csv line 4$/, /'Aggregated' row/],
    ["Locust stats with text in a count", "locust", read("locust_stats.csv").replace(",65,65,", ",sixty,65,"), /^stats\.csv line 2, column 'Request Count'$/, /whole number.*'sixty'/],
    ["a JTL saved as XML", "jmeter", '<?xml version="1.0"?>\n<testResults version="1.2">\n', /^line 1$/, /'timeStamp', 'elapsed', 'label', 'success'/],
    ["a JTL with only its header", "jmeter", read("jmeter.jtl").split("\n")[0] + "\n", /^line 2$/, /at least one sample/],
    ["a truncated JTL", "jmeter", read("jmeter.jtl").slice(0, -60), /^line 9$/, /expected 17 fields, found \d+ \(the file looks truncated\)/],
    ["a JTL with an open quote at the end", "jmeter", read("jmeter.jtl") + '1796213003000,5,"S1SP/SRV', /^line 10$/, /quoted field is not closed/],
    ["a JTL with a bad success flag", "jmeter", read("jmeter.jtl").replace(",text,true,", ",text,yes,"), /^line 2, field 'success'$/, /true or false, found 'yes'/],
    ["an empty k6 summary", "k6", "  \n", /^line 1$/, /empty file/],
    ["a k6 summary without http_reqs", "k6", '{"metrics": {"iterations": {"count": 3}}}', /^field 'metrics\.http_reqs\.count'$/, /number of HTTP requests/],
    ["k6 JSON lines output instead of a summary", "k6", '{"type":"Metric","data":{},"metric":"http_reqs"}\n{"type":"Point"}\n', /^line 2$/, /not JSON/],
  ];
  it.each(cases)("%s", (_, format, text, where, message) => {
    const p = parseResults(format, { text });
    if (!("error" in p)) throw new Error("expected an error");
    expect(p.error.where).toMatch(where);
    expect(p.error.message).toMatch(message);
  });
});
