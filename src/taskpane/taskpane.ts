/**
 * The task pane's composition root: once Office is ready, wire the Office.js workbook
 * adapter, the engine and the views together. Nothing else in the pane touches Office.
 */
import { createOfficeBaselineStore, createOfficeWorkbook } from "../io/office";
import { createCompareController } from "./compare-controller";
import { createCompareView } from "./views/compare-view";
import { createPhaseMappingView } from "./views/phase-mapping-view";
import { createEvidenceController } from "./evidence-controller";
import { createEvidenceView } from "./views/evidence-view";
import { byId } from "./dom";
import { loadSampleModel } from "./load-sample-model";
import { createPaneController, type TemplateKind } from "./pane-controller";
import { createBannerView } from "./views/banner-view";
import { createBusyView } from "./views/busy-view";
import { createCalcNoticeView } from "./views/calc-notice-view";
import { createChartsView } from "./views/charts-view";
import { createExplainView } from "./views/explain-view";
import { browserExportActions } from "./export-actions";
import { createExportView, type ExportView } from "./views/export-view";
import { createIssuesView } from "./views/issues-view";
import { createSummaryView } from "./views/summary-view";
import { createTemplateView } from "./views/template-view";

function startPane(): void {
  const banner = createBannerView(byId("banner"));
  const buttons = ["validate", "compute", "insert-template"].map((id) => byId<HTMLButtonElement>(id));
  const workbook = createOfficeWorkbook();
  const select = (cell: string): void => void controller.selectCell(cell);
  const evidence = createEvidenceController({
    workbook,
    view: createEvidenceView(byId("evidence"), { onJudge: () => void evidence.judge(), onSchedule: () => void evidence.schedulePicked() }, browserExportActions(workbook)),
  });
  // The evidence panel opens with the Export panel, after Compute, on the computed model's phases and providers.
  const withEvidence = (panel: ExportView): ExportView => ({ render: (a) => (panel.render(a), evidence.render(a)) });
  const controller = createPaneController({
    workbook,
    loadSample: () => loadSampleModel(),
    now: () => new Date(),
    views: {
      banner,
      busy: createBusyView(byId("progress"), byId("progress-label"), buttons),
      // A blank workbook's prompt leads to the template picker (the choice stays the user's).
      issues: createIssuesView(byId("issues"), byId("issue-counts"), select, () => byId("template-kind").focus()),
      template: createTemplateView(byId("template-report")),
      summary: createSummaryView(byId("summary"), byId("stale"), byId("stale-reason")),
      charts: createChartsView({
        section: byId("charts"),
        phase: byId<HTMLSelectElement>("chart-phase"),
        provider: byId<HTMLSelectElement>("chart-provider"),
        basis: byId<HTMLSelectElement>("chart-basis"),
        loadCanvas: byId<HTMLCanvasElement>("load-chart"),
        utilisationCanvas: byId<HTMLCanvasElement>("utilisation-chart"),
      }),
      explain: createExplainView(byId("explain"), select),
      calcNotice: createCalcNoticeView(byId("calc-notice"), () => void controller.calculateNow()),
      exportPanel: withEvidence(createExportView(byId("export"), browserExportActions(workbook))),
      modelName: (text) => {
        byId("model-name").textContent = text;
      },
    },
  });
  const mapping = createPhaseMappingView(byId("phase-mapping"), () => void baseline.compareWithBaseline());
  const baseline = createCompareController({ workbook: { ...workbook, ...createOfficeBaselineStore() }, view: createCompareView(byId("compare")), mapping, now: () => new Date() });
  byId("save-baseline").addEventListener("click", () => void baseline.saveBaseline());
  byId("compare-baseline").addEventListener("click", () => void baseline.compareWithBaseline());
  void baseline.start();
  const [validate, compute, insert] = buttons;
  validate?.addEventListener("click", () => void controller.validate());
  compute?.addEventListener("click", () => void controller.compute());
  insert?.addEventListener("click", () => void controller.insertTemplate(byId<HTMLSelectElement>("template-kind").value as TemplateKind));
  controller.start().then(
    () => Promise.all([controller.validate(), controller.explainSelection()]),
    () => banner.show("The pane could not follow edits and selections in this workbook. Validate and Compute still work."),
  );
  document.body.dataset["ready"] = "true";
}

Office.onReady((info) => {
  if (info.host !== Office.HostType.Excel) {
    createBannerView(byId("banner")).show("This add-in works in Excel only. Open it from the Home tab in Excel.");
    return;
  }
  startPane();
});
