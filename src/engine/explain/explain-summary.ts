import { exhaustive } from "../model/exhaustive";
import { hourlyOf, summaryOf, type Results } from "../model/results";
import type { VolumeModel } from "../model/types";
import { formatNumber } from "../output/format-csv";
import { resolve, type ExplainError, type ExplainInput, type ExplainTerm, type Explanation, type SummaryField } from "./explain";

/**
 * Explains a provider-summary figure for (phase, provider): daily_total as the sum of its
 * 24 hours, the others as one product term with its inputs and cells.
 * @example explainSummary(model, results, { phase: "FOC", provider: "S1SP", field: "utilisation" })
 */
export function explainSummary(
  model: VolumeModel,
  results: Results,
  q: { readonly phase: string; readonly provider: string; readonly field: SummaryField },
): Explanation | ExplainError {
  const at = resolve(model, q.phase, q.provider);
  if ("error" in at) return at;
  const s = summaryOf(results, at.ph, at.p);
  const n = formatNumber;
  const head = { phase: model.phases[at.ph]?.name ?? "", provider: model.providers[at.p]?.name ?? "", field: q.field, figure: `provider-summary.csv ${q.field}` };
  const level = s.level === null ? undefined : model.levels[s.level];
  const headroom: ExplainInput = { name: "Headroom", value: s.headroom, table: "PerformanceLevels", cell: level?.headroom.cell ?? "" };
  const burst: ExplainInput = { name: "BurstFactor", value: model.settings.burstFactor.value, table: "Settings", cell: model.settings.burstFactor.cell };
  const peak: ExplainInput = { name: `peak_per_hour (hour ${s.peakHour})`, value: s.peakPerHour, table: "provider-hourly", cell: "" };
  const one = (label: string, value: number, arithmetic: string, inputs: ExplainInput[], unit: string, formula: string): Explanation => ({
    ...head,
    value,
    unit,
    formula,
    terms: [{ label, value, arithmetic, inputs }],
  });
  switch (q.field) {
    case "daily_total": {
      const terms: ExplainTerm[] = Array.from(hourlyOf(results, at.ph, at.p), (value, h) => ({ label: `hour ${h}`, value }));
      return { ...head, value: s.dailyTotal, unit: "transactions/day", formula: "Σ over hours 0–23 of provider_hourly", terms };
    }
    case "peak_per_hour":
      return one(`hour ${s.peakHour}`, s.peakPerHour, `largest of the 24 hours (earliest on a tie): hour ${s.peakHour} = ${n(s.peakPerHour)}`, [peak], "transactions/hour", "max over hours of provider_hourly");
    case "peak_per_second":
      return one("peak_per_hour / 3600 × BurstFactor", s.peakPerSecond, `${n(s.peakPerHour)} / 3600 × ${n(burst.value)} = ${n(s.peakPerSecond)}`, [peak, burst], "transactions/second", "peak_per_hour / 3600 × BurstFactor");
    case "required_per_hour":
      return one("peak_per_hour × (1 + Headroom)", s.requiredPerHour, `${n(s.peakPerHour)} × (1 + ${n(s.headroom)}) = ${n(s.requiredPerHour)}`, [peak, headroom], "transactions/hour", "peak_per_hour × (1 + Headroom)");
    case "required_per_second":
      return one("peak_per_second × (1 + Headroom)", s.requiredPerSecond, `${n(s.peakPerSecond)} × (1 + ${n(s.headroom)}) = ${n(s.requiredPerSecond)}`, [{ ...peak, name: "peak_per_second", value: s.peakPerSecond }, headroom], "transactions/second", "peak_per_second × (1 + Headroom)");
    case "utilisation": {
      if (s.utilisation === null || !level) return { error: `no performance level applies to ${head.provider} in ${head.phase}` };
      const capacity: ExplainInput = { name: "CapacityPerHour", value: level.capacityPerHour.value, table: "PerformanceLevels", cell: level.capacityPerHour.cell };
      return one("required_per_hour / CapacityPerHour", s.utilisation, `${n(s.requiredPerHour)} / ${n(capacity.value)} = ${n(s.utilisation)}`, [{ ...peak, name: "required_per_hour", value: s.requiredPerHour }, capacity], "fraction", "required_per_hour / CapacityPerHour");
    }
    default:
      return exhaustive(q.field);
  }
}

