/**
 * "Save baseline" and "Compare with baseline" in the pane: the model as it is now kept as a
 * snapshot inside the workbook (never in an input cell), and a later model compared with
 * it by the engine's compare, attribution included.
 */
import { buildBaselineSnapshot, buildPhaseMapping, compareModels, parseBaselineSnapshot, phasePairsOf, type Analysis, type BaselineSnapshot, type VolumeModel } from "../engine";
import type { BaselineStore, ModelWorkbook } from "../io/ports";
import type { CompareView } from "./views/compare-view";
import type { PhaseMappingView } from "./views/phase-mapping-view";
import { validateModel } from "./model-operations";

export interface CompareControllerDeps {
  readonly workbook: ModelWorkbook & BaselineStore;
  readonly view: CompareView;
  /** Which baseline phase each model phase is compared with. */
  readonly mapping: PhaseMappingView;
  readonly now: () => Date;
}

export interface CompareController {
  /** Shows the saved baseline, if any, and the phase mapping against the model. */
  start(): Promise<void>;
  saveBaseline(): Promise<void>;
  compareWithBaseline(): Promise<void>;
}

const errorsText = (a: Analysis): string => `The model has ${a.errorCount} error(s): Validate shows them; fix them first.`;

const phaseNames = (m: VolumeModel): string[] => m.phases.map((p) => p.name);

export function createCompareController({ workbook, view, mapping, now }: CompareControllerDeps): CompareController {
  const guard = async (task: () => Promise<void>): Promise<void> => {
    try {
      await task();
    } catch (err) {
      view.showMessage(err instanceof Error ? err.message : String(err));
    }
  };
  /** The model's phases against the baseline's, keeping what the person picked before. */
  const showMapping = (model: VolumeModel, baseline: BaselineSnapshot): void =>
    mapping.show(buildPhaseMapping(phaseNames(model), phaseNames(baseline.model), mapping.choices()), phaseNames(baseline.model));
  const showSaved = async (): Promise<BaselineSnapshot | undefined> => {
    const text = await workbook.readBaseline();
    if (text === undefined) {
      view.showBaseline(undefined);
      return undefined;
    }
    const parsed = parseBaselineSnapshot(text);
    view.showBaseline("error" in parsed ? undefined : parsed.snapshot);
    if ("error" in parsed) view.showMessage(parsed.error);
    return "error" in parsed ? undefined : parsed.snapshot;
  };
  return {
    start: () =>
      guard(async () => {
        const saved = await showSaved();
        if (!saved) return;
        const a = await validateModel(workbook);
        if (a.model) showMapping(a.model, saved);
      }),
    saveBaseline: () =>
      guard(async () => {
        const a = await validateModel(workbook);
        if (!a.model || !a.fingerprint) return view.showMessage(errorsText(a));
        await workbook.saveBaseline(buildBaselineSnapshot(a.model, a.fingerprint, now().toISOString()));
        const saved = await showSaved();
        if (saved) showMapping(a.model, saved);
        view.showMessage("Baseline saved in the workbook (a hidden sheet the add-in owns). Compare with baseline after the model changes.");
      }),
    compareWithBaseline: () =>
      guard(async () => {
        const text = await workbook.readBaseline();
        if (text === undefined) return view.showMessage("No baseline saved in this workbook yet: Save baseline first.");
        const parsed = parseBaselineSnapshot(text);
        if ("error" in parsed) return view.showMessage(parsed.error);
        const a = await validateModel(workbook);
        if (!a.model || !a.results || !a.fingerprint) return view.showMessage(errorsText(a));
        const s = parsed.snapshot;
        showMapping(a.model, s);
        const pairs = phasePairsOf(mapping.choices());
        if ("error" in pairs) {
          view.showComparison(null);
          return view.showMessage(pairs.error);
        }
        const c = compareModels({ model: s.model, results: s.results, fingerprint: s.fingerprint }, { model: a.model, results: a.results, fingerprint: a.fingerprint }, pairs.pairs);
        if ("error" in c) {
          view.showComparison(null);
          return view.showMessage(c.error);
        }
        view.showMessage(c.verdict === "BROADLY_AS_PREDICTED" ? "" : "Figures outside the band are listed first.");
        view.showComparison(c);
      }),
  };
}
