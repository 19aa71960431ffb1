/**
 * "Save baseline" and "Compare with baseline" in the pane: the model as it is now kept as a
 * snapshot inside the workbook (never in an input cell), and a later model compared with
 * it by the engine's compare, attribution included.
 */
import { buildBaselineSnapshot, compareModels, parseBaselineSnapshot, type Analysis } from "../engine";
import type { BaselineStore, ModelWorkbook } from "../io/ports";
import type { CompareView } from "./views/compare-view";
import { validateModel } from "./model-operations";

export interface CompareControllerDeps {
  readonly workbook: ModelWorkbook & BaselineStore;
  readonly view: CompareView;
  readonly now: () => Date;
}

export interface CompareController {
  /** Shows the saved baseline, if any. */
  start(): Promise<void>;
  saveBaseline(): Promise<void>;
  compareWithBaseline(): Promise<void>;
}

const errorsText = (a: Analysis): string => `The model has ${a.errorCount} error(s): Validate shows them; fix them first.`;

export function createCompareController({ workbook, view, now }: CompareControllerDeps): CompareController {
  const guard = async (task: () => Promise<void>): Promise<void> => {
    try {
      await task();
    } catch (err) {
      view.showMessage(err instanceof Error ? err.message : String(err));
    }
  };
  const showSaved = async (): Promise<void> => {
    const text = await workbook.readBaseline();
    if (text === undefined) return view.showBaseline(undefined);
    const parsed = parseBaselineSnapshot(text);
    view.showBaseline("error" in parsed ? undefined : parsed.snapshot);
    if ("error" in parsed) view.showMessage(parsed.error);
  };
  return {
    start: () => guard(showSaved),
    saveBaseline: () =>
      guard(async () => {
        const a = await validateModel(workbook);
        if (!a.model || !a.fingerprint) return view.showMessage(errorsText(a));
        await workbook.saveBaseline(buildBaselineSnapshot(a.model, a.fingerprint, now().toISOString()));
        await showSaved();
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
        const c = compareModels({ model: s.model, results: s.results, fingerprint: s.fingerprint }, { model: a.model, results: a.results, fingerprint: a.fingerprint });
        if ("error" in c) return view.showMessage(c.error);
        view.showMessage(c.verdict === "BROADLY_AS_PREDICTED" ? "" : "Figures outside the band are listed first.");
        view.showComparison(c);
      }),
  };
}
