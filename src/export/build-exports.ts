/** From an analysed model to every file of an export: pure (the CLI and the pane write them). */
import { buildSchedule, foldKey as fold, type Results, type Schedule, type ScheduleOptions, type VolumeModel } from "../engine";
import type { ExportFormat } from "./export-format";
import { fileNamePart } from "./literals";

export interface ExportRequest {
  readonly model: VolumeModel;
  readonly results: Results;
  readonly fingerprint: string;
  readonly phase: string;
  /** A provider name, or undefined for every provider with load in the chosen hours. */
  readonly provider?: string;
  readonly formats: readonly ExportFormat[];
  readonly options: ScheduleOptions;
  readonly stamp?: string | null;
}

export interface ExportFile {
  /** `<phase>_<provider><suffix>`, sanitised for file systems. */
  readonly name: string;
  readonly text: string;
}

export interface ExportResult {
  readonly schedules: readonly Schedule[];
  readonly files: readonly ExportFile[];
  /** Lines worth printing: rounding errors, equivalent profiles, providers skipped. */
  readonly notes: readonly string[];
}

export type ExportOutcome = { readonly ok: true; readonly result: ExportResult } | { readonly ok: false; readonly error: string };


/**
 * @example buildExports({ model, results, fingerprint, phase: "MOC", formats: EXPORT_FORMATS, options })
 */
export function buildExports(req: ExportRequest): ExportOutcome {
  const { model } = req;
  const phase = model.phases.findIndex((p) => fold(p.name) === fold(req.phase));
  if (phase < 0) return { ok: false, error: `no phase '${req.phase}' in the model; phases: ${model.phases.map((p) => p.name).join(", ")}` };
  let providers = model.providers.map((_, i) => i);
  if (req.provider !== undefined) {
    const at = model.providers.findIndex((p) => fold(p.name) === fold(req.provider as string));
    if (at < 0) return { ok: false, error: `no provider '${req.provider}' in the model; providers: ${model.providers.map((p) => p.name).join(", ")}` };
    providers = [at];
  }
  const schedules: Schedule[] = [];
  const files: ExportFile[] = [];
  const notes: string[] = [];
  const used = new Set<string>();
  for (const provider of providers) {
    const schedule = buildSchedule({ ...req, phase, provider, stamp: req.stamp ?? null });
    if (schedule.series.length === 0) {
      notes.push(`${schedule.phase} ${schedule.provider}: no load in hours ${req.options.hours.from}-${req.options.hours.to}; no files written`);
      continue;
    }
    schedules.push(schedule);
    let base = `${fileNamePart(schedule.phase)}_${fileNamePart(schedule.provider)}`;
    // Two providers whose names sanitise alike (`A B`, `A_B`) get distinct files.
    for (let n = 2; used.has(base.toLowerCase()); n++) base = `${fileNamePart(schedule.phase)}_${fileNamePart(schedule.provider)}_${n}`;
    used.add(base.toLowerCase());
    for (const format of req.formats) {
      const emitted = format.emit(schedule, base);
      for (const f of emitted.files) files.push({ name: `${base}${f.suffix}`, text: f.text });
      for (const line of emitted.notes) notes.push(`${base}${format.suffix}: ${line}`);
    }
  }
  return { ok: true, result: { schedules, files, notes } };
}
