/**
 * Section (4) of the bench: `sctvm export --format all` for every provider of one phase of
 * the large model, after reading (schedules plus every format's text, in process, warm).
 */
import type { Analysis } from "../src/engine";
import { buildExports, EXPORT_FORMATS, parseExportOptions } from "../src/export";
import { time, type Timing } from "./measure";

export interface ExportFigures {
  readonly phase: string;
  readonly timing: Timing;
  readonly files: number;
  readonly bytes: number;
  readonly series: number;
}

/** Times exporting every format for every provider of each phase (`runs` timed runs after `warmup`). */
export function benchExports(a: Analysis, warmup: number, runs: number): ExportFigures[] {
  const { model, results, fingerprint } = a;
  if (!model || !results || !fingerprint) throw new Error("export bench: the model has errors");
  const parsed = parseExportOptions({});
  if (!parsed.ok) throw new Error("export bench: options");
  return model.phases.map((p) => {
    const run = () => buildExports({ model, results, fingerprint, phase: p.name, formats: EXPORT_FORMATS, options: parsed.options });
    const once = run();
    if (!once.ok) throw new Error(once.error);
    return {
      phase: p.name,
      timing: time(run, warmup, runs),
      files: once.result.files.length,
      bytes: once.result.files.reduce((n, f) => n + f.text.length, 0),
      series: once.result.schedules.reduce((n, s) => n + s.series.length, 0),
    };
  });
}
