/**
 * Judges a harness run against the phase's requisite level (spec sections 1 and 3):
 * achieved throughput per hour and per second against required_per_hour/_second (the run's
 * rates mapped back to model rates through the export's scale and burst options),
 * response time at the level's percentile against TargetResponseSeconds, and the share of
 * failed requests against MaxErrorRate. Pure: the caller reads the files.
 */
import { DEFAULT_SCHEDULE_OPTIONS, foldKey, summaryOf, type Results, type Schedule, type ScheduleOptions, type VolumeModel } from "../engine";
import type { HarnessResults, Percentile, RequestStats, ResultsFormat, TimeBucket } from "./harness-results";
import { percentileAtLeast } from "./percentiles";

export type CheckKind = "per_hour" | "per_second" | "response_time" | "error_rate";

export interface EvidenceCheck {
  readonly kind: CheckKind;
  /** What is required, in the unit of `achieved`. */
  readonly required: number;
  /** null when the results cannot show it (then the check is not met). */
  readonly achieved: number | null;
  readonly met: boolean;
  /** How the figure was measured, for people. */
  readonly detail: string;
}

export interface StepEvidence {
  readonly step: number;
  readonly hour: number;
  readonly startSeconds: number;
  readonly durationSeconds: number;
  /** Requests the schedule planned in the step (all series of the provider). */
  readonly plannedCount: number;
  /** Requests completed in the step, null when the format has no time series. */
  readonly achievedCount: number | null;
}

export interface RequestEvidence {
  readonly name: string;
  /** From the schedule, when given. */
  readonly plannedCount: number | null;
  readonly count: number;
  readonly failures: number;
  readonly errorRate: number | null;
  readonly percentiles: readonly Percentile[];
}

export interface Evidence {
  readonly verdict: "MET" | "NOT_MET";
  readonly phase: string;
  readonly provider: string;
  readonly model: { readonly name: string; readonly version: string; readonly fingerprint: string };
  readonly format: ResultsFormat;
  /** The export's options, or the defaults assumed without --schedule (real time, scale 1). */
  readonly options: ScheduleOptions;
  readonly scheduleGiven: boolean;
  readonly durationSeconds: number | null;
  readonly level: {
    readonly capacityPerHour: number;
    readonly peakPerSecond: number | null;
    readonly headroom: number;
    readonly targetResponseSeconds: number | null;
    readonly percentile: number;
    readonly maxErrorRate: number;
  };
  readonly requiredPerHour: number;
  readonly requiredPerSecond: number;
  readonly checks: readonly EvidenceCheck[];
  readonly steps: readonly StepEvidence[];
  readonly requests: readonly RequestEvidence[];
  readonly total: RequestEvidence;
  /** Things a reviewer should know (a schedule from another model, names not in the schedule …). */
  readonly notes: readonly string[];
}

export interface EvidenceRequest {
  readonly model: VolumeModel;
  readonly results: Results;
  readonly fingerprint: string;
  /** Indices into model.phases and model.providers. */
  readonly phase: number;
  readonly provider: number;
  readonly schedule: Schedule | null;
  readonly harness: HarnessResults;
}

/** Named requests that belong to this provider: the schedule's series, else `provider/…`. */
function ownNames(req: EvidenceRequest, providerName: string): (name: string) => boolean {
  if (req.schedule) {
    const names = new Set(req.schedule.series.map((s) => s.name));
    return (n) => names.has(n);
  }
  const prefix = `${foldKey(providerName)}/`;
  return (n) => foldKey(n).startsWith(prefix);
}

function bucketCount(b: TimeBucket, perName: boolean, own: (n: string) => boolean): number {
  if (!perName) return b.counts.get("") ?? 0;
  let n = 0;
  for (const [name, c] of b.counts) if (name !== "" && own(name)) n += c;
  return n;
}

/**
 * Judges one run for one phase and provider. Returns an error text when the model has no
 * level for them (nothing to judge against).
 * @example judgeEvidence({ model, results, fingerprint, phase: 1, provider: 3, schedule, harness }).verdict
 */
export function judgeEvidence(req: EvidenceRequest): Evidence | { error: string } {
  const { model, harness } = req;
  const phaseName = model.phases[req.phase]?.name ?? "";
  const providerName = model.providers[req.provider]?.name ?? "";
  const summary = summaryOf(req.results, req.phase, req.provider);
  const levelRow = summary.level === null ? undefined : model.levels[summary.level];
  if (!levelRow) return { error: `no PerformanceLevels row applies to ${providerName} in ${phaseName}: there is no requisite level to judge the run against` };
  const options = req.schedule?.options ?? DEFAULT_SCHEDULE_OPTIONS;
  const notes: string[] = [];
  const own = ownNames(req, providerName);
  const named = harness.requests.filter((r) => own(r.name));
  const others = harness.requests.filter((r) => !own(r.name));
  // Without names of its own (a k6 summary with no sub-metrics) the whole file is this provider's run.
  const wholeFile = harness.requests.length === 0 || (others.length === 0 && named.length > 0);
  if (harness.requests.length === 0) notes.push(`The ${harness.format} results give no per-request figures; the whole run is taken as ${providerName}'s.`);
  if (others.length) notes.push(`${others.length} request name(s) in the results are not ${providerName}'s ${req.schedule ? "series in the schedule" : "(they do not start with '" + providerName + "/')"} and are left out: ${others.slice(0, 5).map((r) => r.name).join(", ")}${others.length > 5 ? ", …" : ""}.`);
  if (req.schedule && req.schedule.model.fingerprint !== req.fingerprint) {
    notes.push(`The schedule was exported from a model with fingerprint ${req.schedule.model.fingerprint.slice(0, 12)}…, not this one (${req.fingerprint.slice(0, 12)}…): the run is judged against this model's levels.`);
  }
  if (!req.schedule) notes.push("No --schedule given: the run is taken as real time (one model hour = 3600 s) at scale 1 without burst.");

  const sum = (rs: readonly RequestStats[], f: (r: RequestStats) => number): number => rs.reduce((a, r) => a + f(r), 0);
  const count = wholeFile ? harness.total.count : sum(named, (r) => r.count);
  const failures = wholeFile ? harness.total.failures : sum(named, (r) => r.failures);
  const percentiles = wholeFile ? harness.total.percentiles : worstPercentiles(named);
  const planned = new Map(req.schedule?.series.map((s) => [s.name, s.rates.reduce((a, r) => a + r.expectedCount, 0)]) ?? []);
  const requestEvidence = (r: RequestStats): RequestEvidence => ({
    name: r.name,
    plannedCount: req.schedule ? planned.get(r.name) ?? 0 : null,
    count: r.count,
    failures: r.failures,
    errorRate: r.count > 0 ? r.failures / r.count : null,
    percentiles: r.percentiles,
  });
  const requests = named.map(requestEvidence);
  if (req.schedule) {
    for (const s of req.schedule.series) if (!named.some((r) => r.name === s.name) && !wholeFile) requests.push(requestEvidence({ name: s.name, count: 0, failures: 0, percentiles: [] }));
  }
  const total = { ...requestEvidence({ name: "", count, failures, percentiles }), plannedCount: req.schedule ? [...planned.values()].reduce((a, b) => a + b, 0) : null };

  // Model rate = run rate / scale (÷ BurstFactor per hour when the run played peak seconds).
  const burst = options.burst ? model.settings.burstFactor.value : 1;
  const perBucket = harness.buckets && harness.buckets.length ? harness.buckets : null;
  const perName = perBucket ? perBucket.some((b) => [...b.counts.keys()].some((k) => k !== "")) : false;
  const bucketOwn = (b: TimeBucket): number => bucketCount(b, perName && !wholeFile, own);
  const steps: StepEvidence[] = (req.schedule?.steps ?? []).map((st) => ({
    step: st.step,
    hour: st.hour,
    startSeconds: st.startSeconds,
    durationSeconds: st.durationSeconds,
    plannedCount: req.schedule?.series.reduce((a, s) => a + (s.rates[st.step]?.expectedCount ?? 0), 0) ?? 0,
    achievedCount: perBucket ? overlapCount(perBucket, st.startSeconds, st.durationSeconds, bucketOwn) : null,
  }));

  let bestPerSecond: number | null = null;
  let perSecondHow = "";
  if (perBucket) {
    for (const b of perBucket) bestPerSecond = Math.max(bestPerSecond ?? 0, bucketOwn(b) / b.durationSeconds);
    const finest = Math.min(...perBucket.map((b) => b.durationSeconds));
    perSecondHow = `busiest ${finest === 1 ? "second" : `${finest}-second span`} of the run`;
  } else if (harness.durationSeconds) {
    bestPerSecond = count / harness.durationSeconds;
    perSecondHow = "mean over the whole run (the format has no time series)";
  }
  let bestPerHourRun: number | null = null;
  let perHourHow = "";
  if (steps.length && steps.every((s) => s.achievedCount !== null)) {
    for (const s of steps) bestPerHourRun = Math.max(bestPerHourRun ?? 0, (s.achievedCount as number) / s.durationSeconds);
    perHourHow = "busiest step of the schedule";
  } else if (harness.durationSeconds) {
    bestPerHourRun = count / harness.durationSeconds;
    perHourHow = "mean over the whole run";
  }
  const scaleNote = `÷ scale ${options.scale}${burst !== 1 ? ` ÷ BurstFactor ${burst} (burst run)` : ""}`;
  const checks: EvidenceCheck[] = [];
  const achievedPerHour = bestPerHourRun === null ? null : (bestPerHourRun * 3600) / (options.scale * burst);
  checks.push({
    kind: "per_hour",
    required: summary.requiredPerHour,
    achieved: achievedPerHour,
    met: achievedPerHour !== null && achievedPerHour >= summary.requiredPerHour,
    detail: achievedPerHour === null ? "the results give no run length" : `${perHourHow}: requests per second × 3600 ${scaleNote}`,
  });
  const achievedPerSecond = bestPerSecond === null ? null : bestPerSecond / options.scale;
  if (levelRow.peakPerSecond) {
    checks.push({
      kind: "per_second",
      required: summary.requiredPerSecond,
      achieved: achievedPerSecond,
      met: achievedPerSecond !== null && achievedPerSecond >= summary.requiredPerSecond,
      detail: achievedPerSecond === null ? "the results give no run length" : `${perSecondHow} ÷ scale ${options.scale}`,
    });
  }
  const target = levelRow.targetResponseSeconds?.value ?? null;
  const fraction = levelRow.percentile.value;
  if (target !== null) {
    const p = percentileAtLeast(percentiles, fraction);
    checks.push({
      kind: "response_time",
      required: target,
      achieved: p?.seconds ?? null,
      met: p !== null && p.seconds <= target,
      detail: p === null ? `the results give no percentile at or above ${fraction * 100}%` : `${p.fraction * 100}th percentile${p.fraction !== fraction ? ` (the nearest the ${harness.format} results give at or above ${fraction * 100}%)` : ""}${wholeFile ? "" : "; across request names the worst name's figure"}`,
    });
  }
  const maxErrorRate = levelRow.maxErrorRate.value;
  checks.push({
    kind: "error_rate",
    required: maxErrorRate,
    achieved: count > 0 ? failures / count : null,
    met: count > 0 && failures / count <= maxErrorRate,
    detail: count > 0 ? `${failures} failed of ${count} requests` : "no requests in the results",
  });
  return {
    verdict: checks.every((c) => c.met) ? "MET" : "NOT_MET",
    phase: phaseName,
    provider: providerName,
    model: { name: model.settings.modelName.value, version: model.settings.modelVersion.value, fingerprint: req.fingerprint },
    format: harness.format,
    options,
    scheduleGiven: req.schedule !== null,
    durationSeconds: harness.durationSeconds,
    level: {
      capacityPerHour: levelRow.capacityPerHour.value,
      peakPerSecond: levelRow.peakPerSecond?.value ?? null,
      headroom: levelRow.headroom.value,
      targetResponseSeconds: target,
      percentile: fraction,
      maxErrorRate,
    },
    requiredPerHour: summary.requiredPerHour,
    requiredPerSecond: summary.requiredPerSecond,
    checks,
    steps,
    requests,
    total,
    notes,
  };
}

/** Requests completed in [start, start + duration), buckets shared in proportion to their overlap. */
function overlapCount(buckets: readonly TimeBucket[], start: number, duration: number, countOf: (b: TimeBucket) => number): number {
  let n = 0;
  for (const b of buckets) {
    const overlap = Math.min(start + duration, b.startSeconds + b.durationSeconds) - Math.max(start, b.startSeconds);
    if (overlap > 0) n += (countOf(b) * overlap) / b.durationSeconds;
  }
  return n;
}

/** Per fraction, the largest of the names' figures: an upper bound of the combined percentile. */
function worstPercentiles(rs: readonly RequestStats[]): Percentile[] {
  const fractions = new Set(rs.flatMap((r) => r.percentiles.map((p) => p.fraction)));
  return [...fractions]
    .filter((f) => rs.every((r) => r.count === 0 || r.percentiles.some((p) => p.fraction === f)))
    .sort((a, b) => a - b)
    .map((fraction) => ({ fraction, seconds: Math.max(...rs.map((r) => r.percentiles.find((p) => p.fraction === fraction)?.seconds ?? 0)) }));
}
