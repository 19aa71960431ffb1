import { hourlyOf, type ProviderSummary, type Results } from "../model/results";
import { HOURS, type PerformanceLevel, type VolumeModel } from "../model/types";

/**
 * The level that applies to (phase, provider): the row for that phase, else the provider's
 * row with a blank Phase, else none. Returns an index into `model.levels`.
 */
function findLevel(model: VolumeModel, phase: number, provider: number): number | null {
  let fallback: number | null = null;
  for (let i = 0; i < model.levels.length; i++) {
    const l = model.levels[i] as PerformanceLevel;
    if (l.provider !== provider) continue;
    if (l.phase === phase) return i;
    if (l.phase === null) fallback = i;
  }
  return fallback;
}

/**
 * Aggregates of spec section 3 for one provider's 24 hourly loads (`hourly`) in one phase.
 * @example summariseProvider(model, hourlyOf(results, 0, 1), 0, 1).status // "PASS" | "FAIL" | "NO_LEVEL"
 */
function summariseProvider(model: VolumeModel, hourly: Float64Array, phase: number, provider: number): ProviderSummary {
  let dailyTotal = 0;
  let peakHour = 0;
  let peakPerHour = -Infinity;
  for (let h = 0; h < HOURS; h++) {
    const v = hourly[h] as number;
    dailyTotal += v;
    if (v > peakPerHour) {
      peakPerHour = v; // strict > keeps the earliest hour on a tie
      peakHour = h;
    }
  }
  const peakPerSecond = (peakPerHour / 3600) * model.settings.burstFactor.value;
  const level = findLevel(model, phase, provider);
  const row = level === null ? undefined : model.levels[level];
  const headroom = row ? row.headroom.value : 0;
  const requiredPerHour = peakPerHour * (1 + headroom);
  const requiredPerSecond = peakPerSecond * (1 + headroom);
  const capacityPerHour = row ? row.capacityPerHour.value : null;
  const capacityPerSecond = row?.peakPerSecond ? row.peakPerSecond.value : null;
  const utilisation = capacityPerHour === null ? null : requiredPerHour / capacityPerHour;
  const status =
    capacityPerHour === null
      ? "NO_LEVEL"
      : requiredPerHour <= capacityPerHour && (capacityPerSecond === null || requiredPerSecond <= capacityPerSecond)
        ? "PASS"
        : "FAIL";
  return {
    phase,
    provider,
    dailyTotal,
    peakHour,
    peakPerHour,
    peakPerSecond,
    requiredPerHour,
    requiredPerSecond,
    capacityPerHour,
    capacityPerSecond,
    utilisation,
    headroom,
    level,
    status,
  };
}

/** Summaries for every phase × provider, phase order then provider order. */
export function checkLevels(model: VolumeModel, results: Pick<Results, "phaseCount" | "providerCount" | "providerHourly">): ProviderSummary[] {
  const out: ProviderSummary[] = [];
  for (let ph = 0; ph < model.phases.length; ph++) {
    for (let p = 0; p < model.providers.length; p++) out.push(summariseProvider(model, hourlyOf(results, ph, p), ph, p));
  }
  return out;
}
