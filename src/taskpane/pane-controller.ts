/**
 * What the pane does, over the ModelWorkbook port and the engine only: insert the
 * template, validate (and re-validate after input edits), compute, explain the selected
 * figure. Views render; this keeps the state and translates failures into the banner.
 */
import { explainOutputCell, type Analysis, type WorkbookGrids } from "../engine";
import type { ModelWorkbook } from "../io/ports";
import { debounce } from "./debounce";
import { friendlyError } from "./friendly-error";
import { computeModel, validateModel, type ComputeOutcome } from "./model-operations";
import type { BannerView } from "./views/banner-view";
import type { BusyView } from "./views/busy-view";
import type { CalcNoticeView } from "./views/calc-notice-view";
import type { ChartsView } from "./views/charts-view";
import type { ExplainView } from "./views/explain-view";
import type { ExportView } from "./views/export-view";
import type { IssuesView } from "./views/issues-view";
import type { SummaryView } from "./views/summary-view";
import type { TemplateView } from "./views/template-view";

export type TemplateKind = "sample" | "empty";

export interface PaneViews {
  readonly banner: BannerView;
  readonly busy: BusyView;
  readonly issues: IssuesView;
  readonly template: TemplateView;
  readonly summary: SummaryView;
  readonly charts: ChartsView;
  readonly explain: ExplainView;
  /** The manual-calculation notice (optional: a pane without it simply does not check). */
  readonly calcNotice?: CalcNoticeView;
  /** The Export panel (optional: hosts and tests without it leave it out). */
  readonly exportPanel?: ExportView;
  readonly modelName: (text: string) => void;
}

export interface PaneDeps {
  readonly workbook: ModelWorkbook;
  readonly loadSample: () => Promise<WorkbookGrids>;
  readonly now: () => Date;
  readonly views: PaneViews;
  /** Quiet time after the last input edit before re-validating. */
  readonly revalidateAfterMs?: number;
}

export interface PaneController {
  validate(): Promise<void>;
  /** Runs a full calculation (for a workbook in manual mode), then validates again. */
  calculateNow(): Promise<void>;
  compute(): Promise<void>;
  insertTemplate(kind: TemplateKind): Promise<void>;
  selectCell(cell: string): Promise<void>;
  explainSelection(): Promise<void>;
  inputsChanged(): void;
  /** A result sheet changed, not by this pane (the ribbon's Compute, or an edit). */
  resultsChangedElsewhere(): void;
  /** Subscribes to the workbook's input and selection events; returns an unsubscribe. */
  start(): Promise<() => Promise<void>>;
}

export function createPaneController(deps: PaneDeps): PaneController {
  const { workbook, views } = deps;
  let analysis: Analysis | undefined;
  let computed: ComputeOutcome | undefined;
  let selectionToken = 0;
  /** Whether the explain view shows an explanation (kept while the selection visits its inputs). */
  let explaining = false;

  /** Runs one user action through the busy queue; a failure becomes the banner. */
  const act = async (label: string, action: string, task: () => Promise<void>): Promise<void> => {
    try {
      await views.busy.run(label, task);
      views.banner.clear();
    } catch (error) {
      console.warn(`sctvm: ${action} failed`, error);
      views.banner.show(friendlyError(action, error));
    }
  };

  const showAnalysis = (next: Analysis): void => {
    analysis = next;
    views.issues.render(next);
    const settings = next.model?.settings;
    if (settings) views.modelName([settings.modelName.value, settings.modelVersion.value && `v${settings.modelVersion.value}`].filter(Boolean).join(" "));
    // Stale until the inputs are back to what was computed (an undone edit is not a change).
    if (computed) markStale(staleReason(next, computed));
  };

  /** Why the shown results no longer match the workbook, or undefined when they do. */
  const staleReason = (next: Analysis, last: ComputeOutcome): string | undefined => {
    if (next.fingerprint !== undefined && next.fingerprint === last.analysis.fingerprint) return undefined;
    const at = `the last good Compute (${last.stamp.replace("T", " ").slice(0, 16)} UTC)`;
    if (next.errorCount > 0) return `The model now has ${next.errorCount} error${next.errorCount === 1 ? "" : "s"}: these are the results of ${at}. Fix the errors and compute again.`;
    return `The inputs changed after ${at}. Compute again to refresh the results.`;
  };
  const markStale = (reason: string | undefined): void => views.summary.setStale(reason !== undefined, reason);

  /** Says when Excel calculates manually (formula inputs may be stale); never fails an action. */
  const checkCalculation = async (calculated = false): Promise<void> => {
    if (!views.calcNotice) return;
    views.calcNotice.render(await workbook.calculationMode().catch(() => undefined), calculated);
  };
  const validate = (): Promise<void> =>
    act("Validating", "Validate", async () => {
      await checkCalculation();
      showAnalysis(await validateModel(workbook));
    });
  const revalidateLater = debounce(() => void validate(), deps.revalidateAfterMs ?? 500);

  const controller: PaneController = {
    validate,
    calculateNow: () =>
      act("Calculating", "Calculate", async () => {
        await workbook.calculate();
        await checkCalculation(true);
        showAnalysis(await validateModel(workbook));
      }),
    compute: () =>
      act("Computing", "Compute", async () => {
        await checkCalculation();
        const outcome = await computeModel(workbook, deps.now().toISOString());
        if (!outcome.analysis.results && computed) {
          // Errors: keep the last good results on screen (the adapter keeps their sheets), marked stale.
          showAnalysis(outcome.analysis);
          return;
        }
        computed = outcome.analysis.results ? outcome : undefined;
        showAnalysis(outcome.analysis);
        views.summary.render(outcome);
        views.summary.setStale(false);
        views.charts.render(outcome.analysis.model, outcome.analysis.results);
        views.exportPanel?.render(outcome.analysis);
      }),
    insertTemplate: (kind) =>
      act("Inserting the template", "Insert template", async () => {
        const sample = kind === "sample" ? await deps.loadSample() : undefined;
        views.template.render(await workbook.insertTemplate(sample));
        showAnalysis(await validateModel(workbook));
      }),
    async selectCell(cell) {
      try {
        await workbook.selectCell(cell);
      } catch (error) {
        views.banner.show(friendlyError(`Selecting ${cell}`, error));
      }
    },
    async explainSelection() {
      const token = ++selectionToken;
      try {
        const selected = await workbook.getSelectedResult();
        if (token !== selectionToken) return;
        if (!selected) {
          // Following an input link selects an input cell: keep the explanation beside it.
          if (!explaining) views.explain.render({ kind: "idle" });
          return;
        }
        explaining = false;
        // A title, a header or a blank cell of a result sheet explains nothing: clear.
        if ("notAFigure" in selected || selected.row[selected.column] === null) return views.explain.render({ kind: "idle" });
        const source = computed?.analysis.results ? computed.analysis : analysis?.results ? analysis : await validateModel(workbook);
        if (token !== selectionToken) return;
        if (!source.model || !source.results) {
          return views.explain.render({ kind: "message", address: selected.address, text: "the model has errors, so its figures cannot be explained. Fix the issues and compute again." });
        }
        const e = explainOutputCell(source.model, source.results, selected.file, selected.column, selected.row);
        if ("error" in e) return views.explain.render({ kind: "message", address: selected.address, text: e.error });
        const shown = selected.row[selected.column];
        const outdated = e.figure === `${selected.file} ${selected.column}` && typeof shown === "number" && Math.abs(shown - e.value) > 1e-9 * Math.max(1, Math.abs(e.value));
        views.explain.render({ kind: "explanation", explanation: e, address: selected.address, outdated });
        explaining = true;
      } catch (error) {
        if (token === selectionToken) views.banner.show(friendlyError("Explain", error));
      }
    },
    resultsChangedElsewhere() {
      // Nothing shown yet, nothing to mark: the sheets speak for themselves.
      if (computed) markStale("The result sheets were changed outside this pane (the ribbon's Compute, or an edit): the pane still shows its own last Compute. Compute here to bring both together.");
    },
    inputsChanged() {
      if (computed) markStale(`The inputs changed after the last Compute (${computed.stamp.replace("T", " ").slice(0, 16)} UTC). Compute again to refresh the results.`);
      revalidateLater();
    },
    async start() {
      views.issues.render(undefined);
      views.summary.render(undefined);
      views.explain.render({ kind: "idle" });
      const offInputs = await workbook.onInputChanged(
        () => controller.inputsChanged(),
        () => controller.resultsChangedElsewhere(),
      );
      const offSelection = await workbook.onSelectionChanged(() => void controller.explainSelection());
      return async () => {
        revalidateLater.cancel();
        await offInputs();
        await offSelection();
      };
    },
  };
  return controller;
}
