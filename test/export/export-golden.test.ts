/**
 * Golden files: every export format of the sample model. Rewrite only on purpose, after
 * reviewing the change: `UPDATE_GOLDEN=1 npx jest test/export/export-golden`.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { buildExports, EXPORT_FORMATS, parseExportOptions, type RawExportOptions } from "../../src/export";
import { loadSampleAnalysis } from "../taskpane/sample-analysis";

const GOLDEN = join(__dirname, "../golden/export");

export const GOLDEN_CASES: { name: string; phase: string; provider: string; raw: RawExportOptions; stamp?: string }[] = [
  { name: "moc-s1sp-default", phase: "MOC", provider: "S1SP", raw: {} },
  {
    name: "foc-dsp-ramp-burst",
    phase: "FOC",
    provider: "DSP",
    raw: { hours: "22-2", secondsPerHour: "60", scale: "1.5", burst: true, shape: "ramp", engines: "4", target: "https://sut.example:8443/api/" },
    stamp: "2026-01-01T00:00:00Z",
  },
];

describe("export golden files (sample model)", () => {
  it.each(GOLDEN_CASES)("writes exactly the reviewed files for $name", async (c) => {
    const { model, results, analysis } = await loadSampleAnalysis();
    const parsed = parseExportOptions(c.raw);
    if (!parsed.ok) throw new Error(parsed.errors.join("; "));
    const out = buildExports({ model, results, fingerprint: analysis.fingerprint ?? "", phase: c.phase, provider: c.provider, formats: EXPORT_FORMATS, options: parsed.options, stamp: c.stamp });
    if (!out.ok) throw new Error(out.error);
    const dir = join(GOLDEN, c.name);
    const notes = `${out.result.notes.join("\n")}\n`;
    if (process.env.UPDATE_GOLDEN) {
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(dir, { recursive: true });
      for (const f of out.result.files) writeFileSync(join(dir, f.name), f.text);
      writeFileSync(join(dir, "notes.txt"), notes);
    }
    expect(existsSync(dir)).toBe(true);
    expect(readdirSync(dir).sort()).toEqual([...out.result.files.map((f) => f.name), "notes.txt"].sort());
    for (const f of out.result.files) expect(f.text).toBe(readFileSync(join(dir, f.name), "utf8"));
    expect(notes).toBe(readFileSync(join(dir, "notes.txt"), "utf8"));
  });

  it("is deterministic: the same model and options give byte-identical files", async () => {
    const { model, results, analysis } = await loadSampleAnalysis();
    const parsed = parseExportOptions({ shape: "ramp" });
    if (!parsed.ok) throw new Error("options");
    const run = () => buildExports({ model, results, fingerprint: analysis.fingerprint ?? "", phase: "IOC", formats: EXPORT_FORMATS, options: parsed.options });
    expect(JSON.stringify(run())).toBe(JSON.stringify(run()));
  });
});
