/**
 * `node bin/sctvm.js explain` on the sample: each explained figure is the one in the CSVs,
 * and its terms add up to it exactly, left to right, down to the input cells.
 */
import { spawn } from "node:child_process";
import { join } from "node:path";
import { formatNumber } from "../../src/engine";
import { ensureCliBuilt } from "../support/ensure-cli-built";
import { readCsvFile } from "../support/read-csv-file";
import { BIN, linesOf, makeTempDir, ProcessRuns, runMain } from "../support/run-cli";
import { SAMPLE_XLSX } from "../support/sample-model";

interface Input {
  name: string;
  value: number;
  table: string;
  cell: string;
}
interface Term {
  value: number;
  dmc?: string;
  transaction?: string;
  inputs?: Input[];
  terms?: Term[];
}
interface Explained {
  figure: string;
  value: number;
  terms: Term[];
}

jest.setTimeout(60_000);
const AT = ["--phase", "FOC", "--provider", "S1SP", "--hour", "2"];
const DMC = ["--dmc", "S1-DUN-DUAL-01"];
const TRANSACTION = ["--transaction", "SRV 4.6.1"];
const explain = (...extra: string[]): string[] => ["explain", SAMPLE_XLSX, ...AT, ...extra];
const UNKNOWN_PHASE = ["explain", SAMPLE_XLSX, "--phase", "XOC", "--provider", "S1SP", "--hour", "2"];

let tmp: ReturnType<typeof makeTempDir>;
const runs = new ProcessRuns(() => tmp.dir);
/** per_hour text of the CSV row whose other columns match `where`. */
let perHour: (file: string, where: Record<string, string>) => string;

beforeAll(async () => {
  await ensureCliBuilt();
  tmp = makeTempDir("explain");
  runs.start(
    explain(),
    explain("--json"),
    explain(...DMC, "--json"),
    explain(...TRANSACTION, "--json"),
    explain(...DMC, ...TRANSACTION, "--json"),
    UNKNOWN_PHASE,
  );
  expect((await runMain(["compute", SAMPLE_XLSX, "--out", "results"], tmp.dir)).code).toBe(1);
  perHour = (file, where) => {
    const rows = readCsvFile(join(tmp.dir, "results", file)).records.filter((r) => Object.entries(where).every(([k, v]) => r[k] === v));
    expect(rows).toHaveLength(1);
    return rows[0]?.per_hour ?? "";
  };
}, 180_000);
afterAll(() => tmp.remove());

async function explained(argv: string[]): Promise<Explained> {
  const run = await runs.get(argv);
  expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: "" });
  return JSON.parse(run.stdout) as Explained;
}

/** Terms add up, left to right from 0, to exactly the value; a product's inputs multiply to it. */
function expectExactTerms(node: { value: number; terms?: Term[]; inputs?: Input[] }): void {
  if (node.terms && node.terms.length > 0) {
    expect(node.terms.reduce((sum, t) => sum + t.value, 0)).toBe(node.value);
    node.terms.forEach(expectExactTerms);
  }
  if (node.inputs) {
    const [driver, rate, contingency, share, messages] = node.inputs.map((i) => i.value) as [number, number, number, number, number];
    expect(driver * rate * (1 + contingency) * share * messages).toBe(node.value);
    for (const i of node.inputs) expect(i.cell).toMatch(/^'(?:[^']|'')+'![A-Z]{1,3}[1-9]\d*$/);
  }
}

const S1SP_HOUR_2 = { phase: "FOC", provider: "S1SP", hour: "2" };

describe("sctvm explain", () => {
  it("explains a provider-hourly figure in plain text, first line giving the CSV's value", async () => {
    const run = await runs.get(explain());
    expect(run.code).toBe(0);
    const csvValue = perHour("provider-hourly.csv", S1SP_HOUR_2);
    expect(linesOf(run.stdout)[0]).toBe(`provider-hourly.csv per_hour for FOC, S1SP, hour 2 = ${csvValue} transactions/hour`);
    expect(run.stdout).toContain("['Volumes'!C");
  });

  it("gives the provider-hourly per_hour with --json, as DMC terms that each equal rates-by-dmc", async () => {
    const e = await explained(explain("--json"));
    expect(formatNumber(e.value)).toBe(perHour("provider-hourly.csv", S1SP_HOUR_2));
    expect(e.terms.length).toBeGreaterThan(1);
    for (const t of e.terms) expect(formatNumber(t.value)).toBe(perHour("rates-by-dmc.csv", { ...S1SP_HOUR_2, dmc: t.dmc ?? "" }));
    expectExactTerms(e);
  });

  it("gives the rates-by-dmc per_hour with --dmc", async () => {
    const e = await explained(explain(...DMC, "--json"));
    expect(formatNumber(e.value)).toBe(perHour("rates-by-dmc.csv", { ...S1SP_HOUR_2, dmc: "S1-DUN-DUAL-01" }));
    expect(e.terms.every((t) => t.dmc === "S1-DUN-DUAL-01")).toBe(true);
    expectExactTerms(e);
  });

  it("gives the rates-by-transaction per_hour with --transaction", async () => {
    const e = await explained(explain(...TRANSACTION, "--json"));
    expect(formatNumber(e.value)).toBe(perHour("rates-by-transaction.csv", { ...S1SP_HOUR_2, transaction: "SRV 4.6.1", stream: "Traffic" }));
    expect(e.terms.every((t) => t.transaction === "SRV 4.6.1")).toBe(true);
    expectExactTerms(e);
  });

  it("gives the one load of a transaction for a DMC with both, the same term as in the other two", async () => {
    const both = await explained(explain(...DMC, ...TRANSACTION, "--json"));
    const byDmc = await explained(explain(...DMC, "--json"));
    const byTransaction = await explained(explain(...TRANSACTION, "--json"));
    expect(both.terms).toHaveLength(1);
    expect(both.value).toBeGreaterThan(0);
    expect(byDmc.terms.find((t) => t.transaction === "SRV 4.6.1")?.value).toBe(both.value);
    expect(byTransaction.terms.find((t) => t.dmc === "S1-DUN-DUAL-01")?.value).toBe(both.value);
    expectExactTerms(both);
  });

  it("exits 3 with one line for a phase the model does not have", async () => {
    const run = await runs.get(UNKNOWN_PHASE);
    expect({ code: run.code, stdout: run.stdout }).toEqual({ code: 3, stdout: "" });
    expect(linesOf(run.stderr)).toHaveLength(1);
    expect(run.stderr).toContain("XOC");
  });

  // Writing to a closed stdout (`sctvm … | head`) raises EPIPE; bin/sctvm.js ends quietly.
  it("exits quietly, without a stack trace or exit 1, when its reader closes stdout early", async () => {
    const child = spawn(process.execPath, [BIN, ...explain("--json")], { cwd: tmp.dir, stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    child.stdout.destroy();
    const code = await new Promise<number | null>((done) => child.on("close", done));
    expect(stderr).not.toMatch(/^\s+at /m);
    expect(linesOf(stderr).length).toBeLessThanOrEqual(1);
    expect([0, 3]).toContain(code);
  });
});
