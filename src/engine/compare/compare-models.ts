import { foldKey } from "../parse/cell-values";
import { summaryOf, type Results } from "../model/results";
import type { VolumeModel } from "../model/types";
import { attributeChange } from "./attribute-change";
import {
  INPUT_GROUPS,
  type CompareRow,
  type Comparison,
  type FigureChange,
  type GroupPart,
  type InputGroup,
} from "./compare-types";

/** One side of a comparison as `analyseWorkbook` gives it. */
export interface AnalysedModel {
  readonly model: VolumeModel;
  readonly results: Results;
  readonly fingerprint: string;
}

/** The model's phase `phase` against the baseline's phase `baselinePhase`. */
export interface PhasePair {
  readonly phase: string;
  readonly baselinePhase: string;
}

/** Rounding slack on the band, so a change of exactly the tolerance counts as inside it. */
const BAND_SLACK = 1e-12;

function figureChange(baseline: number, model: number, tolerance: number, parts: readonly GroupPart[]): FigureChange {
  const change = model - baseline;
  const relativeChange = baseline === 0 ? (model === 0 ? 0 : null) : change / baseline;
  const withinTolerance = Math.abs(change) <= tolerance * Math.abs(baseline) * (1 + BAND_SLACK);
  return { baseline, model, change, relativeChange, withinTolerance, parts };
}

function phaseIndex(model: VolumeModel, name: string): number {
  return model.phases.findIndex((p) => foldKey(p.name) === foldKey(name));
}

function phaseList(model: VolumeModel): string {
  return model.phases.map((p) => p.name).join(", ");
}

/**
 * Resolves the phase pairs: the mapped ones when given (model phase = baseline phase),
 * else every model phase whose name the baseline also has, in the model's phase order.
 */
export function resolvePhasePairs(baseline: VolumeModel, model: VolumeModel, mapped: readonly PhasePair[] = []): { pairs: [number, number][] } | { error: string } {
  if (mapped.length > 0) {
    const pairs: [number, number][] = [];
    for (const m of mapped) {
      const a = phaseIndex(model, m.phase);
      if (a < 0) return { error: `phase '${m.phase}' is not in the model (its phases: ${phaseList(model)})` };
      const b = phaseIndex(baseline, m.baselinePhase);
      if (b < 0) return { error: `phase '${m.baselinePhase}' is not in the baseline (its phases: ${phaseList(baseline)})` };
      if (pairs.some(([x]) => x === a)) return { error: `phase '${m.phase}' is mapped twice` };
      pairs.push([a, b]);
    }
    return { pairs };
  }
  const pairs: [number, number][] = [];
  model.phases.forEach((p, a) => {
    const b = phaseIndex(baseline, p.name);
    if (b >= 0) pairs.push([a, b]);
  });
  if (pairs.length === 0) {
    return { error: `the model (${phaseList(model)}) and the baseline (${phaseList(baseline)}) have no phase in common; map one with --phase MODEL=BASELINE` };
  }
  return { pairs };
}

function worstRelative(row: CompareRow): number {
  const size = (f: FigureChange): number => (f.withinTolerance ? 0 : f.relativeChange === null ? Infinity : Math.abs(f.relativeChange));
  return Math.max(size(row.dailyTotal), size(row.peakPerHour));
}

/**
 * Compares a model with a baseline (spec section 5): per phase pair and provider, the
 * daily total and peak per hour of both, their change and relative change, whether each
 * lies within ±Tolerance (the model's), each change split over the input groups, and the
 * verdict. Rows breaking the band come first, largest relative change first.
 * @example compareModels(base, later, [{ phase: "MOC", baselinePhase: "IOC" }]).verdict
 */
export function compareModels(baseline: AnalysedModel, model: AnalysedModel, mapped: readonly PhasePair[] = []): Comparison | { error: string } {
  const resolved = resolvePhasePairs(baseline.model, model.model, mapped);
  if ("error" in resolved) return resolved;
  const tolerance = model.model.settings.tolerance.value;
  const rows: CompareRow[] = [];
  const moved = new Set<InputGroup>();
  for (const [a, b] of resolved.pairs) {
    const attribution = attributeChange({ model: baseline.model, phase: b }, { model: model.model, phase: a });
    attribution.moved.forEach((g) => moved.add(g));
    attribution.frame.providers.forEach((provider, p) => {
      const figuresOf = (side: AnalysedModel, phase: number): { dailyTotal: number; peakPerHour: number; peakHour: number } | undefined => {
        const index = side.model.providers.findIndex((x) => foldKey(x.name) === provider.key);
        if (index < 0) return undefined;
        return summaryOf(side.results, phase, index);
      };
      const before = figuresOf(baseline, b);
      const after = figuresOf(model, a);
      const parts = attribution.parts[p];
      if (!parts) return;
      const dailyTotal = figureChange(before?.dailyTotal ?? 0, after?.dailyTotal ?? 0, tolerance, parts.dailyTotal);
      const peakPerHour = figureChange(before?.peakPerHour ?? 0, after?.peakPerHour ?? 0, tolerance, parts.peakPerHour);
      rows.push({
        order: rows.length,
        phase: model.model.phases[a]?.name ?? "",
        baselinePhase: baseline.model.phases[b]?.name ?? "",
        provider: provider.name,
        inBaseline: before !== undefined,
        inModel: after !== undefined,
        baselinePeakHour: before?.peakHour ?? 0,
        modelPeakHour: after?.peakHour ?? 0,
        dailyTotal,
        peakPerHour,
        withinTolerance: dailyTotal.withinTolerance && peakPerHour.withinTolerance,
      });
    });
  }
  const sorted = [...rows].sort((x, y) => worstRelative(y) - worstRelative(x) || x.order - y.order);
  const identity = (side: AnalysedModel): Comparison["model"] => ({
    name: side.model.settings.modelName.value,
    version: side.model.settings.modelVersion.value,
    fingerprint: side.fingerprint,
  });
  return {
    verdict: rows.every((r) => r.withinTolerance) ? "BROADLY_AS_PREDICTED" : "CHANGED",
    tolerance,
    baselineTolerance: baseline.model.settings.tolerance.value,
    baseline: identity(baseline),
    model: identity(model),
    phasePairs: resolved.pairs.map(([a, b]) => ({ phase: model.model.phases[a]?.name ?? "", baselinePhase: baseline.model.phases[b]?.name ?? "" })),
    movedGroups: INPUT_GROUPS.filter((g) => moved.has(g)),
    rows: sorted,
  };
}
