/** `sctvm compare` end to end on real .xlsx pairs with known changes (node bin/sctvm.js). */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { editedTables, handTables, reshapeNight, scalePopulation, writeTablesWorkbook } from "../support/compare-pairs";
import { ensureCliBuilt } from "../support/ensure-cli-built";
import { linesOf, makeTempDir, runProcess } from "../support/run-cli";
import { parseCsv } from "../support/parse-csv";

jest.setTimeout(120_000);
let dir: string;
let remove: () => void;

beforeAll(async () => {
  ensureCliBuilt();
  ({ dir, remove } = makeTempDir("compare"));
  await writeTablesWorkbook(join(dir, "base.xlsx"), handTables());
  await writeTablesWorkbook(join(dir, "plus5.xlsx"), editedTables(scalePopulation(1.05)));
  await writeTablesWorkbook(join(dir, "plus30.xlsx"), editedTables(scalePopulation(1.3)));
  await writeTablesWorkbook(join(dir, "reshaped.xlsx"), editedTables(reshapeNight));
  const broken = handTables();
  (broken.Volumes as unknown[][])[1]![2] = -5;
  await writeTablesWorkbook(join(dir, "broken.xlsx"), broken);
});
afterAll(() => remove());

describe("sctvm compare", () => {
  it("exits 0 and says BROADLY_AS_PREDICTED for a 5% population rise", async () => {
    const run = await runProcess(["compare", "base.xlsx", "plus5.xlsx"], dir);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Verdict: BROADLY_AS_PREDICTED — all 8 figures within ±10%/);
    expect(run.stdout).toMatch(/IOC\s+IOC\s+DSP\s+daily_total\s+8,000\s+8,400\s+\+400\s+\+5\.0%\s+yes/);
  });

  it("exits 1 for a 30% rise, lists the band-breakers first and attributes them to populations by DMC", async () => {
    const run = await runProcess(["compare", "base.xlsx", "plus30.xlsx", "--out", "out30"], dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/Verdict: CHANGED — 8 of 8 figures outside ±10%/);
    expect(run.stdout).toMatch(/IOC DSP daily_total \+2,400 \(\+30\.0%\):\n\s+populations and volumes\s+\+2,400\s+\(B \+1,800, A \+600\)/);
    const csv = parseCsv(readFileSync(join(dir, "out30", "compare.csv"), "utf8"));
    expect(csv[0]).toEqual(["phase", "baseline_phase", "provider", "measure", "baseline", "model", "change", "relative_change", "tolerance", "within_tolerance", "volumes", "rates", "profiles", "routing", "settings"]);
    expect(csv[1]).toEqual(["IOC", "IOC", "DSP", "daily_total", "8000", "10400", "2400", "0.3", "0.1", "no", "2400", "0", "0", "0", "0"]);
    const attribution = parseCsv(readFileSync(join(dir, "out30", "attribution.csv"), "utf8"));
    expect(attribution[1]).toEqual(["IOC", "IOC", "DSP", "daily_total", "volumes", "dmc", "B", "1800"]);
    const json = JSON.parse(readFileSync(join(dir, "out30", "compare.json"), "utf8")) as { verdict: string };
    expect(json.verdict).toBe("CHANGED");
  });

  it("maps the model's MOC to the baseline's IOC with --phase MOC=IOC", async () => {
    const run = await runProcess(["compare", "base.xlsx", "base.xlsx", "--phase", "MOC=IOC", "--json"], dir);
    expect(run.code).toBe(1);
    const c = JSON.parse(run.stdout) as { phasePairs: unknown; rows: { phase: string; baselinePhase: string; provider: string; dailyTotal: { baseline: number; model: number } }[] };
    expect(c.phasePairs).toEqual([{ phase: "MOC", baselinePhase: "IOC" }]);
    expect(c.rows.find((r) => r.provider === "DSP")?.dailyTotal).toMatchObject({ baseline: 8000, model: 16000 });
  });

  it("takes --phase repeated, as the spec's [--phase A=B …] writes it", async () => {
    const run = await runProcess(["compare", "base.xlsx", "base.xlsx", "--phase", "MOC=IOC", "--phase", "IOC=IOC", "--json"], dir);
    expect(run.stderr).toBe("");
    const c = JSON.parse(run.stdout) as { phasePairs: unknown };
    expect(c.phasePairs).toEqual([{ phase: "MOC", baselinePhase: "IOC" }, { phase: "IOC", baselinePhase: "IOC" }]);
  });

  it("gives a reshaped profile's peak change to profiles", async () => {
    const run = await runProcess(["compare", "base.xlsx", "reshaped.xlsx"], dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/IOC DSP peak_per_hour \+2,400 \(\+60\.0%\):\n\s+profiles\s+\+2,400\s+\(Night \+2,400\)/);
  });

  it("exits 2 naming the workbook when either model has errors", async () => {
    const run = await runProcess(["compare", "broken.xlsx", "base.xlsx"], dir);
    expect(run.code).toBe(2);
    expect(linesOf(run.stderr)[0]).toMatch(/^broken\.xlsx: error: NEGATIVE 'Volumes'!C2: /);
    expect(run.stdout).toBe("");
  });

  it("exits 3 with one line for an unknown phase or a bad mapping", async () => {
    const unknown = await runProcess(["compare", "base.xlsx", "plus5.xlsx", "--phase", "FOC=IOC"], dir);
    expect(unknown.code).toBe(3);
    expect(linesOf(unknown.stderr)).toEqual(["sctvm: phase 'FOC' is not in the model (its phases: IOC, MOC)"]);
    const bad = await runProcess(["compare", "base.xlsx", "plus5.xlsx", "--phase", "MOC"], dir);
    expect(bad.code).toBe(3);
    expect(linesOf(bad.stderr)).toEqual([expect.stringMatching(/^sctvm: --phase takes MODEL=BASELINE/)]);
  });
});
