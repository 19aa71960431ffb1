/** The terminal form of a comparison: identities, the figures table, what moved, the verdict. */
import { GROUP_LABELS, MEASURE_NAMES, MEASURES, type Comparison, type FigureChange, type GroupPart } from "../engine";
import { renderTable, showFigure } from "./render-table";

const signed = (n: number, digits = 1): string => (n > 0 ? "+" : n < 0 ? "−" : "") + showFigure(Math.abs(n), digits);
const percent = (f: FigureChange): string => (f.relativeChange === null ? "new" : `${f.relativeChange > 0 ? "+" : f.relativeChange < 0 ? "−" : ""}${Math.abs(f.relativeChange * 100).toFixed(1)}%`);

function partLine(p: GroupPart): string {
  const who = p.contributors.map((c) => `${c.name} ${signed(c.value)}`).join(", ");
  return `    ${GROUP_LABELS[p.group].padEnd(36)} ${signed(p.value).padStart(12)}${who ? `  (${who})` : ""}`;
}

/**
 * The comparison as text: rows outside the band first, then each of those figures'
 * attribution to the input groups that moved it, with their top contributors.
 */
export function formatComparisonText(c: Comparison): string {
  const band = `±${(c.tolerance * 100).toFixed(1).replace(/\.0$/, "")}%`;
  const id = (m: Comparison["model"]): string => `${m.name || "(no ModelName)"} ${m.version}`.trim() + ` (fingerprint ${m.fingerprint.slice(0, 12)}…)`;
  const lines: string[] = [
    `Baseline: ${id(c.baseline)}`,
    `Model:    ${id(c.model)}`,
    `Phases:   ${c.phasePairs.map((p) => (p.phase === p.baselinePhase ? p.phase : `${p.phase} against the baseline's ${p.baselinePhase}`)).join(", ")}; tolerance ${band} (the model's Tolerance)`,
    `Inputs that moved: ${c.movedGroups.length ? c.movedGroups.map((g) => GROUP_LABELS[g]).join("; ") : "none"}`,
    "",
  ];
  const rows: string[][] = [];
  for (const r of c.rows) {
    for (const m of MEASURES) {
      const f = r[m];
      rows.push([r.phase, r.baselinePhase, r.provider, MEASURE_NAMES[m], showFigure(f.baseline), showFigure(f.model), signed(f.change), percent(f), f.withinTolerance ? "yes" : "NO"]);
    }
  }
  lines.push(renderTable(["phase", "baseline phase", "provider", "figure", "baseline", "model", "change", "change %", `within ${band}`], rows, new Set([4, 5, 6, 7])));
  const outside = c.rows.flatMap((r) => MEASURES.filter((m) => !r[m].withinTolerance).map((m) => ({ r, m, f: r[m] })));
  const figures = c.rows.length * MEASURES.length;
  if (outside.length) {
    lines.push("", "What moved them (Shapley parts over the input groups; they sum to the change):");
    for (const { r, m, f } of outside) {
      lines.push(`  ${r.phase} ${r.provider} ${MEASURE_NAMES[m]} ${signed(f.change)} (${percent(f)}):`);
      for (const p of f.parts) if (p.value !== 0) lines.push(partLine(p));
    }
  }
  lines.push(
    "",
    c.verdict === "BROADLY_AS_PREDICTED"
      ? `Verdict: BROADLY_AS_PREDICTED — all ${figures} figures within ${band}`
      : `Verdict: CHANGED — ${outside.length} of ${figures} figures outside ${band}`,
  );
  return lines.join("\n");
}
