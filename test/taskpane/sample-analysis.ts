/** The bundled sample model, analysed once per test file, for the pane's tests. */
import { analyseWorkbook, type Analysis, type Results, type VolumeModel, type WorkbookGrids } from "../../src/engine";
import { readWorkbookFile } from "../../src/io/xlsx/read-workbook-file";
import { SAMPLE_XLSX } from "../support/sample-model";

export interface SampleAnalysis {
  readonly grids: WorkbookGrids;
  readonly analysis: Analysis;
  readonly model: VolumeModel;
  readonly results: Results;
}

let cached: Promise<SampleAnalysis> | undefined;

export function loadSampleAnalysis(): Promise<SampleAnalysis> {
  cached ??= readWorkbookFile(SAMPLE_XLSX).then((grids) => {
    const analysis = analyseWorkbook(grids);
    if (!analysis.model || !analysis.results) throw new Error("the sample model has errors");
    return { grids, analysis, model: analysis.model, results: analysis.results };
  });
  return cached;
}

/** Index of a phase or provider by name. */
export function indexOf(items: readonly { readonly name: string }[], name: string): number {
  const at = items.findIndex((x) => x.name === name);
  if (at < 0) throw new Error(`no ${name}`);
  return at;
}

/**
 * The sample with S1SP's default PeakPerSecond (sheet Model) set to `perSecond`: at 400,
 * MOC S1SP fails its per-second check while its utilisation per hour is 70.7%.
 */
export function withS1spDefaultPeakPerSecond(grids: WorkbookGrids, perSecond: number): WorkbookGrids {
  return {
    ...grids,
    tables: grids.tables.map((t) => {
      if (t.name !== "PerformanceLevels") return t;
      const header = (t.rows[0] ?? []).map((v) => String(v));
      const [provider, phase, peak] = ["Provider", "Phase", "PeakPerSecond"].map((n) => header.indexOf(n)) as [number, number, number];
      return { ...t, rows: t.rows.map((r, i) => (i > 0 && r[provider] === "S1SP" && (r[phase] ?? null) === null ? r.map((v, j) => (j === peak ? perSecond : v)) : r)) };
    }),
  };
}
