import { formatNumber } from "../output/format-csv";
import type { ExplainTerm, Explanation } from "./explain";

/** An explanation as readable arithmetic with cell addresses, for the CLI and the pane. */
export function formatExplanation(e: Explanation): string {
  const n = formatNumber;
  const where = [e.phase, e.provider, e.hour !== undefined ? `hour ${e.hour}` : "", e.dmc ? `DMC ${e.dmc}` : "", e.transaction ? `transaction ${e.transaction}` : ""]
    .filter(Boolean)
    .join(", ");
  const lines = [`${e.figure} for ${where} = ${n(e.value)} ${e.unit}`, `  = ${e.formula}`];
  if (e.terms.length > 1) lines.push(`  = ${e.terms.map((t) => n(t.value)).join(" + ")}`);
  const walk = (terms: readonly ExplainTerm[], indent: string): void => {
    for (const t of terms) {
      lines.push(`${indent}${t.label}: ${n(t.value)}`);
      if (t.arithmetic) lines.push(`${indent}  ${t.arithmetic}`);
      for (const i of t.inputs ?? []) lines.push(`${indent}    ${i.name} = ${n(i.value)}  [${i.cell || `${i.table}: default`}]`);
      if (t.terms && t.terms.length) walk(t.terms, `${indent}  `);
    }
  };
  walk(e.terms, "  ");
  if (e.terms.length === 0) lines.push("  (no load: every term is zero)");
  return lines.join("\n");
}
