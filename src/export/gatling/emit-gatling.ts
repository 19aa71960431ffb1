import { formatNumber, type Schedule } from "../../engine";
import type { Emitted } from "../export-format";
import { headerLines } from "../header-lines";
import { identifier, jsString } from "../literals";

/** Gatling reads `#{…}` in request names as its Expression Language: `\#{` keeps it literal. */
function gatlingLiteral(text: string): string {
  return text.replace(/#\{/g, "\\#{");
}

function duration(seconds: number): string {
  const ms = Math.round(seconds * 1000);
  return ms % 1000 === 0 ? String(ms / 1000) : `{ amount: ${ms}, unit: "milliseconds" }`;
}

/**
 * A Gatling JavaScript SDK simulation: one scenario per transaction series with `injectOpen`
 * steps (`constantUsersPerSec`, `rampUsersPerSec`, `nothingFor`), fractional rates kept.
 * Each Gatling instance runs the whole simulation, so the file carries 1/engines of the load.
 */
export function emitGatling(s: Schedule, base: string): Emitted {
  const N = s.options.engines;
  const series = s.series.map((x, i) => ({ id: identifier(x.name, i), x }));
  const js = [
    ...headerLines(s, "Gatling JavaScript SDK simulation (injectOpen per transaction)").map((l) => `// ${l}`),
    `// This file carries 1/${N} of the load: run it on each of ${N} load generators.`,
    `// Alone:       put it in a Gatling JS project's src/ as ${base}.gatling.js; npx gatling run --simulation ${base}`,
    `// Distributed: the same on ${N} generators at once (or Gatling Enterprise with ${N} load generators).`,
    'import { constantUsersPerSec, nothingFor, rampUsersPerSec, scenario, simulation } from "@gatling.io/core";',
    'import { http } from "@gatling.io/http";',
    "",
    "export default simulation((setUp) => {",
    `  const httpProtocol = http.baseUrl(${jsString(s.options.target)});`,
    ...series.map(
      ({ id, x }) =>
        `  const ${id} = scenario(${jsString(x.name)}).exec(http(${jsString(gatlingLiteral(x.name))}).get(${jsString(x.url.slice(s.options.target.length))}));`,
    ),
    "  setUp(",
    ...series.flatMap(({ id, x }) => [
      `    ${id}.injectOpen(`,
      ...x.rates.map((r, k) => {
        const d = duration(s.steps[k]?.durationSeconds ?? 0);
        const a = r.ratePerSecond / N;
        const b = r.endRatePerSecond / N;
        if (a === 0 && b === 0) return `      nothingFor(${d}),`;
        if (a === b) return `      constantUsersPerSec(${formatNumber(a)}).during(${d}),`;
        return `      rampUsersPerSec(${formatNumber(a)}).to(${formatNumber(b)}).during(${d}),`;
      }),
      "    ),",
    ]),
    "  ).protocols(httpProtocol);",
    "});",
    "",
  ];
  return { files: [{ suffix: ".gatling.js", text: js.join("\n") }], notes: [] };
}
