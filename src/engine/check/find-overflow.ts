import { buildRateMatrix } from "../derive/derive-rates";
import { driverOf } from "../derive/driver-of";
import type { Issue } from "../model/issue";
import type { ProviderSummary, Results } from "../model/results";
import { HOURS, type VolumeModel } from "../model/types";
import { makeIssue } from "../validate/issue-catalogue";

/** One input that makes a derived figure overflow. */
interface Culprit {
  readonly table: string;
  readonly column: string;
  readonly cell: string;
  readonly value: number;
  readonly figure: string;
}

const EXPECTED = "a value small enough that every derived figure is finite";

/**
 * Every derived figure must be finite (spec v1.1). Finds the inputs whose products
 * overflow (or whose quotient does, for a capacity too small) and reports OUT_OF_RANGE at
 * each such input cell; [] when every figure is finite.
 * @example findOverflow(model, deriveRates(model)) // [] for any ordinary model
 */
export function findOverflow(model: VolumeModel, results: Results): Issue[] {
  if (allFinite(results)) return [];
  const culprits = new Map<string, Culprit>();
  const add = (c: Culprit): void => {
    const key = `${c.table}|${c.cell}|${c.column}`;
    if (!culprits.has(key)) culprits.set(key, c);
  };
  loadCulprits(model, add);
  if (culprits.size === 0) sumCulprits(model, results, add);
  for (const s of results.summaries) summaryCulprits(model, s, add);
  return [...culprits.values()].map((c) =>
    makeIssue("OUT_OF_RANGE", c.table, c.cell, { column: c.column, found: `${c.value}, which makes ${c.figure} overflow`, expected: EXPECTED }),
  );
}

function allFinite(results: Results): boolean {
  // Without per-DMC series their sums, the provider hours, carry any overflow.
  for (const a of [results.providerHourly, results.byDmc ?? new Float64Array(0), results.bySeries, results.byStream]) {
    for (let i = 0; i < a.length; i++) if (!Number.isFinite(a[i] as number)) return false;
  }
  return results.summaries.every((s) =>
    [s.dailyTotal, s.peakPerHour, s.peakPerSecond, s.requiredPerHour, s.requiredPerSecond, s.utilisation ?? 0].every(Number.isFinite),
  );
}

/** The factor of largest magnitude among those of a product. */
function largest(...factors: Omit<Culprit, "figure">[]): Omit<Culprit, "figure"> {
  return factors.reduce((a, b) => (Math.abs(b.value) > Math.abs(a.value) ? b : a));
}

/** Daily volumes and hourly loads that overflow on their own (driver × rate × uplift × share × route). */
function loadCulprits(model: VolumeModel, add: (c: Culprit) => void): void {
  const rates = buildRateMatrix(model);
  const T = model.transactions.length;
  const contingency = model.settings.contingency;
  const uplift = 1 + contingency.value;
  for (const v of model.volumes) {
    const dmc = model.dmcs[v.dmc];
    const phase = model.phases[v.phase];
    model.transactions.forEach((t, i) => {
      const rate = rates[v.dmc * T + i] as number;
      if (Number.isNaN(rate)) return;
      const driver = driverOf(v, t.stream);
      const daily = driver.value * rate * uplift;
      const figure = `the daily volume of ${t.name} for ${dmc?.name ?? "?"} in ${phase?.name ?? "?"}`;
      if (!Number.isFinite(daily)) {
        const override = model.overrides.find((o) => o.dmc === v.dmc && o.transaction === i);
        const rateCell = override ? { table: "Overrides", column: "Rate", cell: override.rate.cell, value: override.rate.value } : { table: "Transactions", column: "Rate", cell: t.rate.cell, value: t.rate.value };
        add({
          ...largest({ table: "Volumes", column: driver.column, cell: driver.cell, value: driver.value }, rateCell, { table: "Settings", column: "Contingency", cell: contingency.cell, value: contingency.value }),
          figure,
        });
        return;
      }
      if (daily === 0) return;
      t.routing.forEach((route, p) => {
        const profile = model.profiles[t.profile];
        for (let h = 0; h < HOURS; h++) {
          if (!Number.isFinite(daily * (profile?.shares[h]?.value ?? 0) * route.value)) {
            add({ table: "Transactions", column: model.providers[p]?.name ?? "?", cell: route.cell, value: route.value, figure: `the hourly load of ${t.name} on ${model.providers[p]?.name ?? "?"}` });
            return;
          }
        }
      });
    });
  }
}

/** Finite loads whose sums overflow: the input of the largest daily volume in that sum. */
function sumCulprits(model: VolumeModel, results: Results, add: (c: Culprit) => void): void {
  const rates = buildRateMatrix(model);
  const T = model.transactions.length;
  let best: Omit<Culprit, "figure"> | undefined;
  let bestDaily = 0;
  for (const v of model.volumes) {
    model.transactions.forEach((t, i) => {
      const rate = rates[v.dmc * T + i] as number;
      if (Number.isNaN(rate)) return;
      const driver = driverOf(v, t.stream);
      const daily = Math.abs(driver.value * rate);
      if (daily > bestDaily) {
        bestDaily = daily;
        best = largest({ table: "Volumes", column: driver.column, cell: driver.cell, value: driver.value }, { table: "Transactions", column: "Rate", cell: t.rate.cell, value: rate });
      }
    });
  }
  if (best && results.summaries.some((s) => !Number.isFinite(s.dailyTotal) || !Number.isFinite(s.peakPerHour))) {
    add({ ...best, figure: "the sum of the hourly loads on a provider" });
  }
}

/** Per-second rates, required levels and utilisation that overflow from finite peaks. */
function summaryCulprits(model: VolumeModel, s: ProviderSummary, add: (c: Culprit) => void): void {
  if (!Number.isFinite(s.peakPerHour)) return;
  const who = `${model.providers[s.provider]?.name ?? "?"} in ${model.phases[s.phase]?.name ?? "?"}`;
  const level = s.level === null ? undefined : model.levels[s.level];
  const burst = model.settings.burstFactor;
  if (!Number.isFinite(s.peakPerSecond)) {
    add({ table: "Settings", column: "BurstFactor", cell: burst.cell, value: burst.value, figure: `peak_per_second of ${who}` });
  } else if ((!Number.isFinite(s.requiredPerHour) || !Number.isFinite(s.requiredPerSecond)) && level) {
    add({ table: "PerformanceLevels", column: "Headroom", cell: level.headroom.cell, value: level.headroom.value, figure: `required_per_hour of ${who}` });
  } else if (s.utilisation !== null && !Number.isFinite(s.utilisation) && level) {
    add({ table: "PerformanceLevels", column: "CapacityPerHour", cell: level.capacityPerHour.cell, value: level.capacityPerHour.value, figure: `utilisation of ${who}` });
  }
}
