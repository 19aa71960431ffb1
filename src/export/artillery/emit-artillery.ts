import { formatNumber, type Schedule } from "../../engine";
import type { Emitted } from "../export-format";
import { headerLines } from "../header-lines";
import { jsString, yamlString } from "../literals";
import { integerCounts } from "../integer-counts";
import { pathOf } from "../schedule-tables";

/** Sub-phases a ramp step is cut into (each at least a second). */
const RAMP_SLICES = 6;

interface Slice {
  readonly startSeconds: number;
  readonly durationSeconds: number;
  /** Exact expected count of each series in the slice (for this engine). */
  readonly exact: readonly number[];
}

/** Test time cut into slices of constant rate: the steps, ramps cut into short slices (mean rate each). */
function slicesOf(s: Schedule): Slice[] {
  const perEngine = 1 / s.options.engines;
  const slices: Slice[] = [];
  s.steps.forEach((st, k) => {
    const ramps = s.series.some((x) => x.rates[k]?.ratePerSecond !== x.rates[k]?.endRatePerSecond);
    const parts = ramps ? Math.max(1, Math.min(RAMP_SLICES, Math.floor(st.durationSeconds))) : 1;
    for (let j = 0; j < parts; j++) {
      const a = j / parts;
      const b = (j + 1) / parts;
      slices.push({
        startSeconds: st.startSeconds + a * st.durationSeconds,
        durationSeconds: st.durationSeconds / parts,
        exact: s.series.map((x) => {
          const r = x.rates[k];
          if (!r) return 0;
          const at = (f: number): number => r.ratePerSecond + (r.endRatePerSecond - r.ratePerSecond) * f;
          return ((at(a) + at(b)) / 2) * (st.durationSeconds / parts) * perEngine;
        }),
      });
    }
  });
  return slices;
}

/** Whole milliseconds between rounded boundaries, so durations add up to the run's length. */
function durationText(startSeconds: number, durationSeconds: number): string {
  const ms = Math.round((startSeconds + durationSeconds) * 1000) - Math.round(startSeconds * 1000);
  return ms % 1000 === 0 ? String(ms / 1000) : yamlString(`${ms}ms`);
}

/**
 * An Artillery 2 script plus its processor (`.artillery.js`). Artillery's phases share one
 * scenario mix, and 2.0.x accepts only whole arrival rates when it splits a run over local
 * workers and floors ramps to whole arrivals per second, so each phase is an `arrivalCount`
 * (evenly spaced, whole counts whose running totals follow the schedule's), a ramp is cut
 * into short constant slices, and the processor picks each arrival's transaction from the
 * phase's own counts (a smooth weighted round robin over arrivals in order). Each engine of
 * `artillery run-fargate|run-lambda --count N` runs the whole file, so the file carries 1/N.
 */
export function emitArtillery(s: Schedule, base: string): Emitted {
  const slices = slicesOf(s);
  // counts[series][slice]
  const counts = s.series.map((_, i) => integerCounts(slices.map((sl) => sl.exact[i] ?? 0)));
  const phaseTotals = slices.map((_, j) => counts.reduce((a, c) => a + (c[j] ?? 0), 0));
  const exactTotal = s.totals.expectedCount / s.options.engines;
  const plannedTotal = phaseTotals.reduce((a, b) => a + b, 0);
  const header = headerLines(s, "Artillery 2 script (arrivalCount phases; transaction mix from the processor)");
  const yaml = [
    ...header.map((l) => `# ${l}`),
    `# Alone:       npx artillery run ${base}.artillery.yml --output ${base}.artillery-report.json`,
    `# Distributed: npx artillery run-fargate --count ${s.options.engines} ${base}.artillery.yml (each worker runs this whole file;`,
    `#              it carries 1/${s.options.engines} of the load). Keep ${base}.artillery.js beside it.`,
    "config:",
    `  target: ${yamlString(s.options.target)}`,
    `  processor: ${yamlString(`./${base}.artillery.js`)}`,
    "  plugins:",
    "    metrics-by-endpoint:",
    "      useOnlyRequestNames: true",
    "      stripQueryString: true",
    "  phases:",
    ...slices.flatMap((sl, j) => {
      const st = s.steps.find((x) => sl.startSeconds >= x.startSeconds && sl.startSeconds < x.startSeconds + x.durationSeconds) ?? s.steps[0];
      const name = `  - name: ${yamlString(`step ${st?.step ?? 0} hour ${st?.hour ?? 0} at ${formatNumber(sl.startSeconds)} s`)}`;
      const duration = durationText(sl.startSeconds, sl.durationSeconds);
      const total = phaseTotals[j] ?? 0;
      return total > 0 ? [name, `    duration: ${duration}`, `    arrivalCount: ${total}`] : [name, `    pause: ${duration}`];
    }),
    "scenarios:",
    `  - name: ${yamlString(`${s.phase} ${s.provider} schedule`)}`,
    "    flow:",
    '      - function: "sctvmPick"',
    ...s.series.flatMap((x, i) => [
      "      - get:",
      `          url: ${yamlString(pathOf(s, x.url))}`,
      `          name: ${yamlString(x.name)}`,
      `          ifTrue: "sctvmIs${i}"`,
    ]),
    "",
  ];
  const js = [
    ...header.map((l) => `// ${l}`),
    `// The processor of ${base}.artillery.yml: picks each arrival's transaction so that every`,
    "// phase delivers its own mix. Arrivals are counted in order; within a phase the picks",
    "// follow a smooth weighted round robin over the phase's counts.",
    '"use strict";',
    "",
    "// COUNTS[phase][series]: requests of each series in each phase (for one engine).",
    "const COUNTS = [",
    ...slices.map((_, j) => `  [${counts.map((c) => c[j] ?? 0).join(", ")}],`),
    "];",
    `const SERIES = ${s.series.length};`,
    "let phase = 0;",
    "let left = COUNTS.length ? COUNTS[0].reduce((a, b) => a + b, 0) : 0;",
    "let credit = new Array(SERIES).fill(0);",
    "",
    "function sctvmPick(context, events, done) {",
    "  while (left === 0 && phase < COUNTS.length - 1) {",
    "    phase += 1;",
    "    left = COUNTS[phase].reduce((a, b) => a + b, 0);",
    "    credit = new Array(SERIES).fill(0);",
    "  }",
    "  const weights = COUNTS[phase] || [];",
    "  const total = weights.reduce((a, b) => a + b, 0);",
    "  let best = 0;",
    "  for (let i = 0; i < SERIES; i++) {",
    "    credit[i] += weights[i] || 0;",
    "    if (credit[i] > credit[best]) best = i;",
    "  }",
    "  credit[best] -= total;",
    "  if (left > 0) left -= 1;",
    "  context.vars.sctvmPick = best;",
    "  return done();",
    "}",
    "",
    "module.exports = { sctvmPick };",
    ...s.series.map((x, i) => `module.exports.sctvmIs${i} = (vars) => vars.sctvmPick === ${i}; // ${jsString(x.name)}`),
    "",
  ];
  return {
    files: [
      { suffix: ".artillery.yml", text: yaml.join("\n") },
      { suffix: ".artillery.js", text: js.join("\n") },
    ],
    notes: [
      `${slices.length} phases, ${plannedTotal} arrivals per engine (exact ${formatNumber(exactTotal)}; whole counts per phase, running totals rounded)`,
    ],
  };
}
