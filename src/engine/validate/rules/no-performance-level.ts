import type { ResultsRule } from "../rule";

/**
 * NO_PERFORMANCE_LEVEL: a (phase, provider) that carries load (daily_total > 0) with no
 * PerformanceLevels row for its phase or with a blank Phase. Needs the derivation.
 */
export const noPerformanceLevel: ResultsRule = {
  kind: "results",
  name: "no-performance-level",
  check: (model, results, report) => {
    for (const s of results.summaries) {
      if (s.status !== "NO_LEVEL" || !(s.dailyTotal > 0)) continue;
      const phase = model.phases[s.phase]?.name ?? "";
      const provider = model.providers[s.provider]?.name ?? "";
      report("NO_PERFORMANCE_LEVEL", "PerformanceLevels", "", {
        column: `${provider} in ${phase}`,
        found: `${s.dailyTotal} transactions a day and no PerformanceLevels row for ${provider} with Phase ${phase} or blank`,
        expected: "a requisite performance level for every provider that carries load",
      });
    }
  },
};
