/**
 * `node bin/sctvm.js compute` on the bundled sample: exit code, the five files of spec
 * section 4 with their exact headers, line ends, row counts and row order.
 */
import { RUN_RECORD } from "../../src/cli/write-outputs";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { ensureCliBuilt } from "../support/ensure-cli-built";
import { readCsvFile, type CsvFile } from "../support/read-csv-file";
import { makeTempDir, runProcess, type CliRun } from "../support/run-cli";
import { loadSampleModel, SAMPLE_XLSX } from "../support/sample-model";

const HEADERS: Record<string, string[]> = {
  "provider-summary.csv": ["phase", "provider", "daily_total", "peak_hour", "peak_per_hour", "peak_per_second", "required_per_hour",
    "required_per_second", "capacity_per_hour", "capacity_per_second", "utilisation", "status"],
  "provider-hourly.csv": ["phase", "provider", "hour", "per_hour", "per_second"],
  "rates-by-dmc.csv": ["phase", "provider", "dmc", "hour", "per_hour"],
  "rates-by-transaction.csv": ["phase", "provider", "transaction", "stream", "hour", "per_hour"],
  "issues.csv": ["severity", "code", "table", "cell", "message"],
};

// The orders of spec section 4, from the sample's source: phases by StartDate, the rest in table order.
const book = loadSampleModel();
const namesOf = (table: string): string[] => (book.tables[table]?.rows ?? []).map((r) => String(r[0]));
const PHASES = [...(book.tables.Phases?.rows ?? [])].sort((a, b) => Number(a[1]) - Number(b[1])).map((r) => String(r[0]));
const PROVIDERS = namesOf("Providers");
const DMCS = namesOf("DMCs");
const SERIES = [...new Set((book.tables.Transactions?.rows ?? []).map((r) => `${String(r[0])}|${String(r[2])}`))];

let tmp: ReturnType<typeof makeTempDir>;
let run: CliRun;
let out: string;
const csv = (file: string): CsvFile => readCsvFile(join(out, file));

beforeAll(async () => {
  await ensureCliBuilt();
  tmp = makeTempDir("compute");
  out = join(tmp.dir, "results");
  run = await runProcess(["compute", SAMPLE_XLSX, "--out", "results"], tmp.dir);
}, 180_000);
afterAll(() => tmp.remove());

/** Row keys as index tuples must be strictly increasing: sorted, no duplicates. */
function expectStrictlyIncreasing(keys: number[][]): void {
  const firstBad = keys.findIndex((k, i) => {
    const prev = keys[i - 1];
    if (i === 0 || !prev) return false;
    const d = k.map((x, j) => x - (prev[j] ?? 0)).find((x) => x !== 0) ?? 0;
    return d <= 0;
  });
  expect(firstBad).toBe(-1);
  expect(keys.every((k) => k.every((x) => x >= 0))).toBe(true);
}

describe("sctvm compute on the sample model", () => {
  it("exits 1 (one FAIL), prints the summary and writes the five files", () => {
    expect(run.code).toBe(1);
    expect(run.stderr).toBe("");
    expect(run.stdout).toMatch(/^FOC\s+S1SP\s.*FAIL$/m);
    expect(readdirSync(out).sort()).toEqual([...Object.keys(HEADERS), RUN_RECORD].sort());
  });

  it.each(Object.keys(HEADERS))("writes %s with the spec's header, \\n line ends and a final newline", (file) => {
    const text = readFileSync(join(out, file), "utf8");
    expect(text.split("\n")[0]).toBe((HEADERS[file] ?? []).join(","));
    expect(text).not.toContain("\r");
    expect(text.endsWith("\n")).toBe(true);
    expect(text.charCodeAt(0)).not.toBe(0xfeff);
  });

  it("keeps every phase × provider × hour in provider-hourly, in phase, provider and hour order", () => {
    const rows = csv("provider-hourly.csv").records;
    expect(rows).toHaveLength(PHASES.length * PROVIDERS.length * 24);
    expectStrictlyIncreasing(rows.map((r) => [PHASES.indexOf(r.phase ?? ""), PROVIDERS.indexOf(r.provider ?? ""), Number(r.hour)]));
    expect(rows.every((r) => /^(?:[0-9]|1[0-9]|2[0-3])$/.test(r.hour ?? ""))).toBe(true);
    expect(rows.every((r) => Number(r.per_second) === Number(r.per_hour) / 3600)).toBe(true);
  });

  it("lists provider-summary in phase and provider order with the sample's one FAIL", () => {
    const rows = csv("provider-summary.csv").records;
    expect(rows.map((r) => `${r.phase} ${r.provider}`)).toEqual(PHASES.flatMap((p) => PROVIDERS.map((x) => `${p} ${x}`)));
    expect(rows.filter((r) => r.status === "FAIL").map((r) => `${r.phase} ${r.provider}`)).toEqual(["FOC S1SP"]);
  });

  it("orders rates-by-dmc by phase, provider, DMC table order and hour, omitting all-zero series", () => {
    const rows = csv("rates-by-dmc.csv").records;
    expect(rows.length % 24).toBe(0);
    expectStrictlyIncreasing(rows.map((r) => [PHASES.indexOf(r.phase ?? ""), PROVIDERS.indexOf(r.provider ?? ""), DMCS.indexOf(r.dmc ?? ""), Number(r.hour)]));
    for (let i = 0; i < rows.length; i += 24) expect(rows.slice(i, i + 24).some((r) => Number(r.per_hour) !== 0)).toBe(true);
  });

  it("orders rates-by-transaction by phase, provider, first table row of the series and hour", () => {
    const rows = csv("rates-by-transaction.csv").records;
    expect(rows.length % 24).toBe(0);
    const series = (r: Record<string, string>): number => SERIES.indexOf(`${r.transaction ?? ""}|${r.stream ?? ""}`);
    expectStrictlyIncreasing(rows.map((r) => [PHASES.indexOf(r.phase ?? ""), PROVIDERS.indexOf(r.provider ?? ""), series(r), Number(r.hour)]));
    for (let i = 0; i < rows.length; i += 24) expect(rows.slice(i, i + 24).some((r) => Number(r.per_hour) !== 0)).toBe(true);
  });

  it("makes each provider hour the exact left-to-right sum of its DMC rates, and of its transaction rates to rounding", () => {
    const hourly = csv("provider-hourly.csv").records;
    const sums = (file: string): Map<string, number> => {
      const m = new Map<string, number>();
      for (const r of csv(file).records) {
        const key = `${r.phase} ${r.provider} ${r.hour}`;
        m.set(key, (m.get(key) ?? 0) + Number(r.per_hour));
      }
      return m;
    };
    const byDmc = sums("rates-by-dmc.csv");
    const byTransaction = sums("rates-by-transaction.csv");
    for (const r of hourly) {
      const key = `${r.phase} ${r.provider} ${r.hour}`;
      const perHour = Number(r.per_hour);
      expect({ key, value: byDmc.get(key) ?? 0 }).toEqual({ key, value: perHour });
      expect(Math.abs((byTransaction.get(key) ?? 0) - perHour)).toBeLessThanOrEqual(1e-9 * Math.max(1, perHour));
    }
  });

  it("writes an issues.csv with only its header for a model without issues", () => {
    expect(readFileSync(join(out, "issues.csv"), "utf8")).toBe(`${(HEADERS["issues.csv"] ?? []).join(",")}\n`);
  });
});
