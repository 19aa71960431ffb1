/** The terminal tables the commands print: issues, and the phase × provider summary. */
import type { Analysis, Issue } from "../engine";
import { renderTable, showFigure, showPercent } from "./render-table";

export function issuesTable(issues: readonly Issue[]): string {
  return renderTable(
    ["severity", "code", "cell", "message"],
    issues.map((i) => [i.severity, i.code, i.cell || `(${i.table})`, i.message]),
  );
}

export function summaryText(a: Analysis): string {
  if (!a.model || !a.results) return "";
  const model = a.model;
  const rows = a.results.summaries.map((s) => [
    model.phases[s.phase]?.name ?? "",
    model.providers[s.provider]?.name ?? "",
    String(s.peakHour).padStart(2, "0") + ":00",
    showFigure(s.peakPerHour),
    showFigure(s.peakPerSecond, 2),
    showFigure(s.requiredPerHour),
    showFigure(s.requiredPerSecond, 2),
    showFigure(s.capacityPerHour),
    showFigure(s.capacityPerSecond, 2),
    showPercent(s.utilisation),
    s.status,
  ]);
  return renderTable(
    ["phase", "provider", "peak hour", "peak/h", "peak/s", "required/h", "required/s", "capacity/h", "capacity/s", "utilisation", "status"],
    rows,
    new Set([3, 4, 5, 6, 7, 8, 9]),
  );
}
