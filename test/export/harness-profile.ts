/** The compressed profile the real harness runs use: FOC S1SP, hours 4-6, 10 s per hour. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildExports, exportFormat, parseExportOptions, type ExportFormatId } from "../../src/export";
import type { Schedule } from "../../src/engine";
import { loadSampleAnalysis } from "../taskpane/sample-analysis";

export const HARNESS_OPTIONS = { hours: "4-6", secondsPerHour: "10", scale: "0.3" } as const;

/** Exports FOC S1SP for `target` into a fresh temporary directory. */
export async function exportForHarness(format: ExportFormatId, target: string, extra: { engines?: string } = {}): Promise<{ dir: string; schedule: Schedule; files: string[] }> {
  const { model, results, analysis } = await loadSampleAnalysis();
  const parsed = parseExportOptions({ ...HARNESS_OPTIONS, ...extra, target });
  if (!parsed.ok) throw new Error(parsed.errors.join("; "));
  const fmt = exportFormat(format);
  if (!fmt) throw new Error(format);
  const out = buildExports({ model, results, fingerprint: analysis.fingerprint ?? "", phase: "FOC", provider: "S1SP", formats: [fmt], options: parsed.options });
  if (!out.ok) throw new Error(out.error);
  const dir = mkdtempSync(join(tmpdir(), `sctvm-${format}-`));
  for (const f of out.result.files) writeFileSync(join(dir, f.name), f.text);
  const schedule = out.result.schedules[0];
  if (!schedule) throw new Error("no schedule");
  return { dir, schedule, files: out.result.files.map((f) => f.name) };
}
