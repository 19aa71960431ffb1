/**
 * The pane's evidence summary: a harness's results file (and optionally the export's JSON
 * schedule) judged against the current model's requisite level for a phase and provider,
 * by the same parser and judge as `sctvm evidence`. Nothing is written to the workbook.
 */
import { foldKey, type Analysis } from "../engine";
import { buildEvidenceHtml, buildEvidenceMarkdown, judgeEvidence, parseEvidenceInputs, parseEvidenceSchedule, type Evidence, type NamedText, type ResultsFormat } from "../evidence";
import type { ModelWorkbook } from "../io/ports";
import { validateModel } from "./model-operations";

/** What the person picked in the panel; files already read as text. */
export interface EvidenceForm {
  readonly format: ResultsFormat;
  readonly phase: string;
  readonly provider: string;
  readonly results?: NamedText;
  readonly history?: NamedText;
  readonly schedule?: NamedText;
}

export interface EvidencePanelView {
  /** Offers the model's phases and providers (and shows the panel). */
  showChoices(phases: readonly string[], providers: readonly string[]): void;
  /** Reads the controls and the picked files. */
  readForm(): Promise<EvidenceForm>;
  showMessage(text: string): void;
  /** The judgement and its report files (as `sctvm evidence` writes them), or nothing (null). */
  showEvidence(e: Evidence | null, report?: readonly NamedText[]): void;
  /** Sets the phase and provider pickers (to what a picked schedule was exported for). */
  selectTarget(phase: string, provider: string): void;
}

export interface EvidenceControllerDeps {
  readonly workbook: ModelWorkbook;
  readonly view: EvidencePanelView;
}

export interface EvidenceController {
  /** After Compute: the computed model's phases and providers. */
  render(analysis: Analysis | undefined): void;
  /** Judges the picked run; returns the evidence shown, if any. */
  judge(): Promise<Evidence | undefined>;
  /** A schedule was picked: take its phase and provider (or say why it cannot be read). */
  schedulePicked(): Promise<void>;
}

export function createEvidenceController({ workbook, view }: EvidenceControllerDeps): EvidenceController {
  const fail = (text: string): undefined => {
    view.showEvidence(null);
    view.showMessage(text);
    return undefined;
  };
  const judge = async (): Promise<Evidence | undefined> => {
    const form = await view.readForm();
    if (!form.results) return fail("Pick the harness's results file first.");
    const inputs = parseEvidenceInputs({ format: form.format, results: form.results, history: form.history, schedule: form.schedule });
    if ("error" in inputs) return fail(inputs.error);
    const a = await validateModel(workbook);
    if (!a.model || !a.results || !a.fingerprint) return fail(`The model has ${a.errorCount} error(s): Validate shows them; fix them first.`);
    const phase = a.model.phases.findIndex((p) => foldKey(p.name) === foldKey(form.phase));
    const provider = a.model.providers.findIndex((p) => foldKey(p.name) === foldKey(form.provider));
    if (phase < 0 || provider < 0) return fail(`${phase < 0 ? `Phase '${form.phase}'` : `Provider '${form.provider}'`} is no longer in the model: Compute again.`);
    const s = inputs.schedule;
    if (s && (foldKey(s.phase) !== foldKey(form.phase) || foldKey(s.provider) !== foldKey(form.provider))) {
      return fail(`${form.schedule?.name ?? "The schedule"} is for ${s.phase} ${s.provider}, not ${form.phase} ${form.provider}: pick that phase and provider, or another schedule.`);
    }
    const e = judgeEvidence({ model: a.model, results: a.results, fingerprint: a.fingerprint, phase, provider, schedule: s, harness: inputs.harness });
    if ("error" in e) return fail(e.error);
    view.showMessage("");
    // The same files `sctvm evidence --out` writes, byte for byte, to download and attach.
    view.showEvidence(e, [
      { name: "evidence.html", text: buildEvidenceHtml(e) },
      { name: "evidence.md", text: buildEvidenceMarkdown(e) },
    ]);
    return e;
  };
  return {
    render(analysis) {
      if (analysis?.model) view.showChoices(analysis.model.phases.map((p) => p.name), analysis.model.providers.map((p) => p.name));
    },
    async judge() {
      try {
        return await judge();
      } catch (err) {
        return fail(err instanceof Error ? err.message : String(err));
      }
    },
    async schedulePicked() {
      try {
        const picked = (await view.readForm()).schedule;
        if (!picked) return;
        const s = parseEvidenceSchedule(picked);
        if ("error" in s) return view.showMessage(s.error);
        view.selectTarget(s.schedule.phase, s.schedule.provider);
        view.showMessage("");
      } catch (err) {
        view.showMessage(err instanceof Error ? err.message : String(err));
      }
    },
  };
}
