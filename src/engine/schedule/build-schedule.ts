import type { Results } from "../model/results";
import type { VolumeModel } from "../model/types";
import { foldKey } from "../parse/cell-values";
import { scheduleHours } from "./schedule-hours";
import type { Schedule, ScheduleOptions, ScheduleSeries, ScheduleStep, StepRate } from "./schedule-types";
import { transactionSeries } from "../model/results";

export interface ScheduleRequest {
  readonly model: VolumeModel;
  readonly results: Results;
  readonly fingerprint: string;
  /** Indices into `model.phases` and `model.providers`. */
  readonly phase: number;
  readonly provider: number;
  readonly options: ScheduleOptions;
  readonly stamp?: string | null;
}

/**
 * One phase and provider's transaction series as a test schedule. Step shape: one step per
 * model hour, rate held. Ramp shape: two half-hour steps per model hour, the rate linear
 * between hour midpoints (where it equals the hour's rate) and held flat before the first
 * midpoint and after the last; each series' total is the same as with steps.
 * Σ expectedCount of a series = Σ per_hour over the chosen hours × scale (× BurstFactor)
 * × secondsPerHour / 3600.
 * @example buildSchedule({ model, results, fingerprint, phase: 1, provider: 3, options: DEFAULT_SCHEDULE_OPTIONS })
 */
export function buildSchedule(req: ScheduleRequest): Schedule {
  const { model, results, options } = req;
  const hours = scheduleHours(options.hours);
  const S = options.secondsPerHour;
  const perSecondOfPerHour = (options.scale * (options.burst ? model.settings.burstFactor.value : 1)) / 3600;
  const provider = model.providers[req.provider]?.name ?? "";
  const steps = buildSteps(hours, S, options.shape);

  const loaded: { series: Results["series"][number]; rates: number[] }[] = [];
  results.series.forEach((s, k) => {
    const perHour = transactionSeries(results, req.phase, req.provider, k);
    if (hours.every((h) => !((perHour[h] as number) > 0))) return;
    loaded.push({ series: s, rates: hours.map((h) => (perHour[h] as number) * perSecondOfPerHour) });
  });
  const streamsOf = new Map<string, number>();
  for (const { series } of loaded) streamsOf.set(foldKey(series.name), (streamsOf.get(foldKey(series.name)) ?? 0) + 1);

  let expectedCount = 0;
  const series: ScheduleSeries[] = loaded.map(({ series: s, rates }) => {
    const stepRates = options.shape === "step" ? stepShapeRates(rates, S) : rampShapeRates(rates, S);
    for (const r of stepRates) expectedCount += r.expectedCount;
    const several = (streamsOf.get(foldKey(s.name)) ?? 0) > 1;
    return {
      name: `${provider}/${s.name}${several ? ` (${s.stream})` : ""}`,
      transaction: s.name,
      stream: s.stream,
      url: `${options.target}/${encodeURIComponent(provider)}/${encodeURIComponent(s.name)}`,
      rates: stepRates,
    };
  });
  return {
    model: { name: model.settings.modelName.value, version: model.settings.modelVersion.value, fingerprint: req.fingerprint },
    phase: model.phases[req.phase]?.name ?? "",
    provider,
    options,
    stamp: req.stamp ?? null,
    totals: { expectedCount, durationSeconds: hours.length * S, steps: steps.length, series: series.length },
    steps,
    series,
  };
}

function buildSteps(hours: readonly number[], S: number, shape: ScheduleOptions["shape"]): ScheduleStep[] {
  if (shape === "step") return hours.map((hour, i) => ({ step: i, hour, startSeconds: i * S, durationSeconds: S }));
  return hours.flatMap((hour, i) => [
    { step: 2 * i, hour, startSeconds: i * S, durationSeconds: S / 2 },
    { step: 2 * i + 1, hour, startSeconds: i * S + S / 2, durationSeconds: S / 2 },
  ]);
}

function stepShapeRates(rates: readonly number[], S: number): StepRate[] {
  return rates.map((r, i) => ({ step: i, ratePerSecond: r, endRatePerSecond: r, expectedCount: r * S }));
}

/** Half-hour steps: start of hour → midpoint → end of hour, boundaries at the mean of neighbours. */
function rampShapeRates(rates: readonly number[], S: number): StepRate[] {
  const out: StepRate[] = [];
  const half = S / 2;
  rates.forEach((r, i) => {
    const before = i === 0 ? r : (r + (rates[i - 1] as number)) / 2;
    const after = i === rates.length - 1 ? r : (r + (rates[i + 1] as number)) / 2;
    out.push({ step: 2 * i, ratePerSecond: before, endRatePerSecond: r, expectedCount: ((before + r) / 2) * half });
    out.push({ step: 2 * i + 1, ratePerSecond: r, endRatePerSecond: after, expectedCount: ((r + after) / 2) * half });
  });
  return out;
}
