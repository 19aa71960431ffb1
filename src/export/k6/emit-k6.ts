import { formatNumber, type Schedule } from "../../engine";
import type { Emitted } from "../export-format";
import { headerLines } from "../header-lines";
import { fileNamePart, identifier, jsString, yamlString } from "../literals";
import { concurrencyFor } from "../schedule-tables";

/** k6 time units tried, smallest first: targets are whole numbers per unit. */
const TIME_UNITS: readonly { text: string; seconds: number }[] = [
  { text: "1s", seconds: 1 },
  { text: "1m", seconds: 60 },
  { text: "1h", seconds: 3600 },
];
/** A unit is good enough when rounding moves a scenario's total by at most this share. */
const GOOD_ENOUGH = 0.001;

interface Stage {
  readonly target: number;
  readonly durationSeconds: number;
}

/** Requests k6 delivers for stages starting at `startRate` (per unit), each ramping linearly to its target. */
function delivered(startRate: number, stages: readonly Stage[], unitSeconds: number): number {
  let previous = startRate;
  let total = 0;
  for (const st of stages) {
    total += ((previous + st.target) / 2 / unitSeconds) * st.durationSeconds;
    previous = st.target;
  }
  return total;
}

function stagesFor(rates: Schedule["series"][number]["rates"], steps: Schedule["steps"], unitSeconds: number, round: boolean): { start: number; stages: Stage[] } {
  const r = (perSecond: number): number => (round ? Math.round(perSecond * unitSeconds) : perSecond * unitSeconds);
  const stages: Stage[] = [];
  let current = r(rates[0]?.ratePerSecond ?? 0);
  const start = current;
  rates.forEach((rate, k) => {
    const from = r(rate.ratePerSecond);
    // A jump (step shape, or a rounded ramp start that differs) is a zero-length stage.
    if (from !== current) stages.push({ target: from, durationSeconds: 0 });
    const to = r(rate.endRatePerSecond);
    stages.push({ target: to, durationSeconds: steps[k]?.durationSeconds ?? 0 });
    current = to;
  });
  return { start, stages };
}

/** Whole milliseconds as a k6 duration string. */
function k6Duration(seconds: number): string {
  const ms = Math.round(seconds * 1000);
  return ms % 1000 === 0 ? `${ms / 1000}s` : `${ms}ms`;
}

/**
 * A k6 script: one `ramping-arrival-rate` scenario per transaction series. Targets are whole
 * numbers per `timeUnit`, so each scenario takes the smallest unit (1s, 1m, 1h) that keeps its
 * total within 0.1% (else the closest); the rounding error left is printed. VUs are sized
 * from the assumed response time. Distributed: the k6-operator `TestRun` manifest beside it
 * runs the same script on `parallelism` pods and k6 splits every arrival rate between them.
 */
export function emitK6(s: Schedule, base: string): Emitted {
  const exactTotal = s.totals.expectedCount;
  let deliveredTotal = 0;
  let worst = { name: "", share: 0 };
  const scenarios = s.series.map((x, i) => {
    const exact = x.rates.reduce((a, r) => a + r.expectedCount, 0);
    let best: { unit: (typeof TIME_UNITS)[number]; start: number; stages: Stage[]; count: number } | undefined;
    for (const unit of TIME_UNITS) {
      const { start, stages } = stagesFor(x.rates, s.steps, unit.seconds, true);
      const count = delivered(start, stages, unit.seconds);
      if (!best || Math.abs(count - exact) < Math.abs(best.count - exact)) best = { unit, start, stages, count };
      if (Math.abs(count - exact) <= GOOD_ENOUGH * exact) {
        best = { unit, start, stages, count };
        break;
      }
    }
    if (!best) throw new Error("internal error: no k6 time unit");
    deliveredTotal += best.count;
    const share = exact > 0 ? Math.abs(best.count - exact) / exact : 0;
    if (share > worst.share) worst = { name: x.name, share };
    const peak = Math.max(...x.rates.map((r) => Math.max(r.ratePerSecond, r.endRatePerSecond)));
    const vus = concurrencyFor(peak, s.options.responseTimeSeconds);
    return { id: identifier(x.name, i), series: x, ...best, vus, exact };
  });
  const errorShare = exactTotal > 0 ? (deliveredTotal - exactTotal) / exactTotal : 0;
  const errorLine = `rounding to whole targets per timeUnit: ${formatNumber(Math.round(deliveredTotal * 1000) / 1000)} requests vs ${formatNumber(Math.round(exactTotal * 1000) / 1000)} exact (${(errorShare * 100).toFixed(4)}%; worst series ${worst.name ? jsString(worst.name) : "none"} ${(worst.share * 100).toFixed(4)}%)`;
  const js = [
    ...headerLines(s, "k6 script (ramping-arrival-rate per transaction)").map((l) => `// ${l}`),
    `// ${errorLine}`,
    `// Alone:       k6 run ${base}.k6.js`,
    `// Distributed: kubectl create configmap ${k8sName(s)} --from-file=${base}.k6.js`,
    `//              kubectl apply -f ${base}.k6-testrun.yaml   (k6-operator; parallelism ${s.options.engines}; k6 splits the rates)`,
    'import http from "k6/http";',
    "",
    `const TARGET = ${jsString(s.options.target)};`,
    "",
    "export const options = {",
    "  discardResponseBodies: true,",
    "  scenarios: {",
    ...scenarios.flatMap((sc) => [
      `    ${sc.id}: {`,
      '      executor: "ramping-arrival-rate",',
      `      exec: ${jsString(sc.id)},`,
      `      timeUnit: ${jsString(sc.unit.text)},`,
      `      startRate: ${sc.start},`,
      `      preAllocatedVUs: ${sc.vus},`,
      `      maxVUs: ${sc.vus * 4},`,
      "      stages: [",
      ...sc.stages.map((st) => `        { target: ${st.target}, duration: ${jsString(k6Duration(st.durationSeconds))} },`),
      "      ],",
      "    },",
    ]),
    "  },",
    "};",
    "",
    ...scenarios.flatMap((sc) => [
      `// ${jsString(sc.series.name)}: ${formatNumber(sc.exact)} requests expected, ${formatNumber(Math.round(sc.count * 1000) / 1000)} after rounding (per ${sc.unit.text})`,
      `export function ${sc.id}() {`,
      `  http.get(TARGET + ${jsString(sc.series.url.slice(s.options.target.length))}, { tags: { name: ${jsString(sc.series.name)} } });`,
      "}",
      "",
    ]),
  ];
  const manifest = [
    ...headerLines(s, "k6-operator TestRun manifest").map((l) => `# ${l}`),
    `# kubectl create configmap ${k8sName(s)} --from-file=${base}.k6.js && kubectl apply -f ${base}.k6-testrun.yaml`,
    "apiVersion: k6.io/v1alpha1",
    "kind: TestRun",
    "metadata:",
    `  name: ${k8sName(s)}`,
    "spec:",
    `  parallelism: ${s.options.engines}`,
    "  script:",
    "    configMap:",
    `      name: ${k8sName(s)}`,
    `      file: ${yamlString(`${base}.k6.js`)}`,
    "",
  ];
  return {
    files: [
      { suffix: ".k6.js", text: js.join("\n") },
      { suffix: ".k6-testrun.yaml", text: manifest.join("\n") },
    ],
    notes: [errorLine],
  };
}

/** A Kubernetes object name (DNS-1123 label): lowercase letters, digits and `-`. */
function k8sName(s: Schedule): string {
  const slug = `sctvm-${fileNamePart(s.phase)}-${fileNamePart(s.provider)}`
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, "-")
    .replace(/-+/g, "-")
    .slice(0, 63)
    .replace(/-+$/, "");
  return slug;
}
