/**
 * The evidence report, as one self-contained HTML page (inline CSS and SVG, no script,
 * nothing fetched) and as Markdown with the same content, fit to attach to test evidence.
 */
import type { Evidence, EvidenceCheck } from "./judge-evidence";

export const CHECK_TITLES: { readonly [K in EvidenceCheck["kind"]]: string } = {
  per_hour: "Throughput per hour",
  per_second: "Throughput per second",
  response_time: "Response time",
  error_rate: "Error rate",
};

function figure(n: number | null, digits = 2): string {
  if (n === null) return "—";
  return n.toLocaleString("en-GB", { maximumFractionDigits: digits });
}

/** A check's figure with its unit, for people. */
export function checkValue(c: EvidenceCheck, n: number | null): string {
  if (n === null) return "—";
  switch (c.kind) {
    case "per_hour":
      return `${figure(n, 1)} /h`;
    case "per_second":
      return `${figure(n, 3)} /s`;
    case "response_time":
      return `${figure(n, 3)} s`;
    case "error_rate":
      return `${figure(n * 100, 3)}%`;
  }
}

export function requirementText(c: EvidenceCheck): string {
  return `${c.kind === "response_time" || c.kind === "error_rate" ? "≤" : "≥"} ${checkValue(c, c.required)}`;
}

const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const escapeMd = (s: string): string => s.replace(/[|\\`*_[\]<>]/g, (c) => `\\${c}`);

function optionsText(e: Evidence): string {
  const o = e.options;
  if (!e.scheduleGiven) return "no schedule given: real time, scale 1, no burst";
  return `hours ${o.hours.from}–${o.hours.to}, ${o.secondsPerHour} s per model hour, scale ${o.scale}, burst ${o.burst ? "on" : "off"}, shape ${o.shape}, ${o.engines} engine(s), target ${o.target}`;
}

function percentileRows(e: Evidence): { label: string; values: Map<number, number> }[] {
  const rows = [{ label: "all requests", values: new Map(e.total.percentiles.map((p) => [p.fraction, p.seconds])) }];
  for (const r of e.requests) rows.push({ label: r.name, values: new Map(r.percentiles.map((p) => [p.fraction, p.seconds])) });
  return rows;
}

function fractionsOf(e: Evidence): number[] {
  return [...new Set([e.total, ...e.requests].flatMap((r) => r.percentiles.map((p) => p.fraction)))].sort((a, b) => a - b);
}

const pctLabel = (f: number): string => (f === 1 ? "max" : `p${String(Math.round(f * 1000) / 10)}`);

/** Where the step chart is drawn: the report's size, or the pane's. */
export interface StepChartLayout {
  readonly width: number;
  readonly height: number;
  /** Room left of the plot for the count labels. */
  readonly left: number;
}

export const REPORT_STEP_CHART: StepChartLayout = { width: 720, height: 240, left: 60 };

/** The planned-vs-achieved chart as geometry, so the report's SVG and the pane's are one chart. */
export interface StepChart {
  readonly width: number;
  readonly height: number;
  /** Top of the plot (where the largest count lies). */
  readonly top: number;
  /** The x axis, from x1 to x2 at height y (count 0). */
  readonly axis: { readonly x1: number; readonly x2: number; readonly y: number };
  /** The largest count, labelled at the top. */
  readonly maxLabel: string;
  /** One bar per step: the planned requests. */
  readonly bars: readonly { readonly x: number; readonly y: number; readonly width: number; readonly height: number; readonly title: string }[];
  /** One point per step with a time series: the achieved requests. */
  readonly points: readonly { readonly x: number; readonly y: number; readonly title: string }[];
  /** Model hours under the bars (every other one past 24 steps). */
  readonly labels: readonly { readonly x: number; readonly y: number; readonly text: string }[];
}

/**
 * Planned (bars) and achieved (points) requests per step; null without a schedule.
 * @example buildStepChart(evidence, { width: 300, height: 170, left: 44 })?.bars.length
 */
export function buildStepChart(e: Evidence, layout: StepChartLayout = REPORT_STEP_CHART): StepChart | null {
  const steps = e.steps;
  if (!steps.length) return null;
  const { width: W, height: H, left } = layout;
  const bottom = 30;
  const top = 10;
  const max = Math.max(1, ...steps.map((s) => Math.max(s.plannedCount, s.achievedCount ?? 0)));
  const band = (W - left - 10) / steps.length;
  const y = (v: number): number => top + (H - top - bottom) * (1 - v / max);
  return {
    width: W,
    height: H,
    top,
    axis: { x1: left, x2: W - 10, y: H - bottom },
    maxLabel: figure(max, 0),
    bars: steps.map((s, i) => ({ x: left + i * band + band * 0.15, y: y(s.plannedCount), width: band * 0.7, height: H - bottom - y(s.plannedCount), title: `step ${s.step} (hour ${s.hour}): planned ${figure(s.plannedCount, 1)}` })),
    points: steps.flatMap((s) => (s.achievedCount === null ? [] : [{ x: left + (s.step + 0.5) * band, y: y(s.achievedCount), title: `step ${s.step}: achieved ${figure(s.achievedCount, 1)}` }])),
    labels: steps.flatMap((s, i) => (steps.length <= 24 || i % 2 === 0 ? [{ x: left + (i + 0.5) * band, y: H - 12, text: String(s.hour) }] : [])),
  };
}

/** The step chart as the report's inline SVG. */
function stepChart(e: Evidence): string {
  const c = buildStepChart(e);
  if (!c) return "<p>No schedule was given, so there are no planned steps to chart.</p>";
  const bars = c.bars.map((b) => `<rect class="planned" x="${b.x.toFixed(1)}" y="${b.y.toFixed(1)}" width="${b.width.toFixed(1)}" height="${b.height.toFixed(1)}"><title>${b.title}</title></rect>`).join("");
  const line = c.points.length
    ? `<polyline class="achieved" points="${c.points.map((p) => `${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(" ")}"/>` +
      c.points.map((p) => `<circle class="achieved" cx="${p.x.toFixed(1)}" cy="${p.y.toFixed(1)}" r="3"><title>${p.title}</title></circle>`).join("")
    : "";
  const labels = c.labels.map((l) => `<text x="${l.x.toFixed(1)}" y="${l.y}" text-anchor="middle">${l.text}</text>`).join("");
  const axis = `<line x1="${c.axis.x1}" y1="${c.axis.y}" x2="${c.axis.x2}" y2="${c.axis.y}" class="axis"/><text x="${c.axis.x1 - 6}" y="${c.top + 8}" text-anchor="end">${c.maxLabel}</text><text x="${c.axis.x1 - 6}" y="${c.axis.y}" text-anchor="end">0</text>`;
  return `<svg viewBox="0 0 ${c.width} ${c.height}" width="${c.width}" height="${c.height}" role="img" aria-label="Planned and achieved requests per step">${axis}${bars}${line}${labels}</svg>
<p class="legend"><span class="key planned"></span> planned requests per step (from the schedule) <span class="key achieved"></span> achieved${c.points.length ? "" : " (the results have no time series)"}; x: model hour</p>`;
}

/** Response-time percentiles of all requests as bars, with the target as a line. */
function percentileChart(e: Evidence): string {
  const ps = e.total.percentiles;
  if (!ps.length) return "<p>The results give no response-time percentiles.</p>";
  const W = 720;
  const H = 200;
  const left = 60;
  const bottom = 30;
  const target = e.level.targetResponseSeconds;
  const max = Math.max(...ps.map((p) => p.seconds), target ?? 0) || 1;
  const band = (W - left - 10) / ps.length;
  const y = (v: number): number => 10 + (H - 10 - bottom) * (1 - v / max);
  const bars = ps.map((p, i) => `<rect class="pct" x="${(left + i * band + band * 0.2).toFixed(1)}" y="${y(p.seconds).toFixed(1)}" width="${(band * 0.6).toFixed(1)}" height="${(H - bottom - y(p.seconds)).toFixed(1)}"><title>${pctLabel(p.fraction)}: ${figure(p.seconds, 4)} s</title></rect><text x="${(left + (i + 0.5) * band).toFixed(1)}" y="${H - 12}" text-anchor="middle">${pctLabel(p.fraction)}</text>`).join("");
  const line = target === null ? "" : `<line class="target" x1="${left}" x2="${W - 10}" y1="${y(target).toFixed(1)}" y2="${y(target).toFixed(1)}"/><text x="${W - 12}" y="${(y(target) - 4).toFixed(1)}" text-anchor="end">target ${figure(target, 3)} s</text>`;
  return `<svg viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="Response-time percentiles"><line x1="${left}" y1="${H - bottom}" x2="${W - 10}" y2="${H - bottom}" class="axis"/><text x="${left - 6}" y="18" text-anchor="end">${figure(max, 3)} s</text>${bars}${line}</svg>`;
}

const CSS = `body{font:14px/1.45 system-ui,sans-serif;margin:2em;color:#1b1b1b;max-width:60em}
table{border-collapse:collapse;margin:.5em 0 1.2em}th,td{border:1px solid #ccc;padding:.25em .6em;text-align:left}
td.n{text-align:right;font-variant-numeric:tabular-nums}.PASS,.MET{color:#0a6b2d;font-weight:600}.FAIL,.NOT_MET{color:#b00020;font-weight:600}
svg text{font-size:11px;fill:#444}.axis{stroke:#888}rect.planned{fill:#b9cfe8}polyline.achieved{fill:none;stroke:#d0661a;stroke-width:2}
circle.achieved{fill:#d0661a}rect.pct{fill:#8fb58f}line.target{stroke:#b00020;stroke-dasharray:4 3}
.key{display:inline-block;width:1em;height:.8em;margin:0 .3em 0 1em}.key.planned{background:#b9cfe8}.key.achieved{background:#d0661a}
code{font-size:12px;word-break:break-all}`;

/**
 * The report as HTML: verdict, model and fingerprint, export options, one PASS/FAIL row per
 * requisite level, planned vs achieved per step, percentiles, requests by name, notes.
 */
export function buildEvidenceHtml(e: Evidence): string {
  const h = escapeHtml;
  const checks = e.checks
    .map((c) => `<tr><td>${h(CHECK_TITLES[c.kind])}</td><td class="n">${h(requirementText(c))}</td><td class="n">${h(checkValue(c, c.achieved))}</td><td class="${c.met ? "PASS" : "FAIL"}">${c.met ? "PASS" : "FAIL"}</td><td>${h(c.detail)}</td></tr>`)
    .join("\n");
  const fractions = fractionsOf(e);
  const pctTable = fractions.length
    ? `<table><tr><th>requests</th>${fractions.map((f) => `<th>${pctLabel(f)} (s)</th>`).join("")}</tr>${percentileRows(e)
        .map((r) => `<tr><td>${h(r.label)}</td>${fractions.map((f) => `<td class="n">${h(figure(r.values.get(f) ?? null, 4))}</td>`).join("")}</tr>`)
        .join("")}</table>`
    : "";
  const requests = [e.total, ...e.requests]
    .map((r) => `<tr><td>${h(r.name || "all requests")}</td><td class="n">${h(figure(r.plannedCount, 1))}</td><td class="n">${r.count}</td><td class="n">${r.failures}</td><td class="n">${h(r.errorRate === null ? "—" : `${figure(r.errorRate * 100, 3)}%`)}</td></tr>`)
    .join("\n");
  const steps = e.steps
    .map((s) => `<tr><td class="n">${s.step}</td><td class="n">${s.hour}</td><td class="n">${figure(s.startSeconds, 1)}</td><td class="n">${figure(s.durationSeconds, 1)}</td><td class="n">${figure(s.plannedCount, 1)}</td><td class="n">${figure(s.achievedCount, 1)}</td></tr>`)
    .join("\n");
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>Evidence: ${h(e.phase)} ${h(e.provider)} — ${e.verdict === "MET" ? "MET" : "NOT MET"}</title>
<style>${CSS}</style></head><body>
<h1>Test evidence: ${h(e.provider)} in ${h(e.phase)}</h1>
<p>Verdict: <span class="${e.verdict}">${e.verdict === "MET" ? "MET" : "NOT MET"}</span> — ${e.checks.filter((c) => c.met).length} of ${e.checks.length} requisite-level checks pass.</p>
<table>
<tr><th>model</th><td>${h(`${e.model.name} ${e.model.version}`.trim() || "(no ModelName)")}</td></tr>
<tr><th>fingerprint</th><td><code>${h(e.model.fingerprint)}</code></td></tr>
<tr><th>results</th><td>${h(e.format)}${e.durationSeconds === null ? "" : `, run of ${h(figure(e.durationSeconds, 1))} s`}</td></tr>
<tr><th>export options</th><td>${h(optionsText(e))}</td></tr>
<tr><th>requisite level</th><td>capacity ${h(figure(e.level.capacityPerHour, 1))}/h${e.level.peakPerSecond === null ? "" : `, ${h(figure(e.level.peakPerSecond, 3))}/s`}, headroom ${h(figure(e.level.headroom * 100, 2))}%; required ${h(figure(e.requiredPerHour, 1))}/h and ${h(figure(e.requiredPerSecond, 3))}/s${e.level.targetResponseSeconds === null ? "" : `; ${h(pctLabel(e.level.percentile))} ≤ ${h(figure(e.level.targetResponseSeconds, 3))} s`}; errors ≤ ${h(figure(e.level.maxErrorRate * 100, 3))}%</td></tr>
</table>
<h2>Requisite levels</h2>
<table><tr><th>check</th><th>required</th><th>achieved</th><th>result</th><th>how measured</th></tr>
${checks}
</table>
<h2>Planned vs achieved per step</h2>
${stepChart(e)}
${steps ? `<table><tr><th>step</th><th>hour</th><th>start (s)</th><th>length (s)</th><th>planned</th><th>achieved</th></tr>\n${steps}\n</table>` : ""}
<h2>Response-time percentiles</h2>
${percentileChart(e)}
${pctTable}
<h2>Requests by name</h2>
<table><tr><th>request</th><th>planned</th><th>completed</th><th>failed</th><th>error rate</th></tr>
${requests}
</table>
${e.notes.length ? `<h2>Notes</h2><ul>${e.notes.map((n) => `<li>${h(n)}</li>`).join("")}</ul>` : ""}
</body></html>
`;
}

/** The same content as Markdown. */
export function buildEvidenceMarkdown(e: Evidence): string {
  const m = escapeMd;
  const lines = [
    `# Test evidence: ${m(e.provider)} in ${m(e.phase)}`,
    "",
    `**Verdict: ${e.verdict === "MET" ? "MET" : "NOT MET"}** — ${e.checks.filter((c) => c.met).length} of ${e.checks.length} requisite-level checks pass.`,
    "",
    `- Model: ${m(`${e.model.name} ${e.model.version}`.trim() || "(no ModelName)")}`,
    `- Fingerprint: \`${e.model.fingerprint}\``,
    `- Results: ${e.format}${e.durationSeconds === null ? "" : `, run of ${figure(e.durationSeconds, 1)} s`}`,
    `- Export options: ${m(optionsText(e))}`,
    `- Required: ${figure(e.requiredPerHour, 1)}/h and ${figure(e.requiredPerSecond, 3)}/s (capacity ${figure(e.level.capacityPerHour, 1)}/h, headroom ${figure(e.level.headroom * 100, 2)}%)`,
    "",
    "## Requisite levels",
    "",
    "| check | required | achieved | result | how measured |",
    "|---|---:|---:|---|---|",
    ...e.checks.map((c) => `| ${CHECK_TITLES[c.kind]} | ${m(requirementText(c))} | ${m(checkValue(c, c.achieved))} | ${c.met ? "PASS" : "FAIL"} | ${m(c.detail)} |`),
    "",
    "## Planned vs achieved per step",
    "",
  ];
  if (e.steps.length) {
    lines.push("| step | hour | start (s) | length (s) | planned | achieved |", "|---:|---:|---:|---:|---:|---:|");
    for (const s of e.steps) lines.push(`| ${s.step} | ${s.hour} | ${figure(s.startSeconds, 1)} | ${figure(s.durationSeconds, 1)} | ${figure(s.plannedCount, 1)} | ${figure(s.achievedCount, 1)} |`);
  } else lines.push("No schedule was given, so there are no planned steps.");
  lines.push("", "## Response-time percentiles", "");
  const fractions = fractionsOf(e);
  if (fractions.length) {
    lines.push(`| requests | ${fractions.map((f) => `${pctLabel(f)} (s)`).join(" | ")} |`, `|---|${fractions.map(() => "---:").join("|")}|`);
    for (const r of percentileRows(e)) lines.push(`| ${m(r.label)} | ${fractions.map((f) => figure(r.values.get(f) ?? null, 4)).join(" | ")} |`);
  } else lines.push("The results give no response-time percentiles.");
  lines.push("", "## Requests by name", "", "| request | planned | completed | failed | error rate |", "|---|---:|---:|---:|---:|");
  for (const r of [e.total, ...e.requests]) lines.push(`| ${m(r.name || "all requests")} | ${figure(r.plannedCount, 1)} | ${r.count} | ${r.failures} | ${r.errorRate === null ? "—" : `${figure(r.errorRate * 100, 3)}%`} |`);
  if (e.notes.length) lines.push("", "## Notes", "", ...e.notes.map((n) => `- ${m(n)}`));
  return `${lines.join("\n")}\n`;
}
