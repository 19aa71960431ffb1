import { GENERATIONS } from "../model/types";
import type { RuleRunner } from "../validate/run-rules";
import { cellText, foldKey } from "./cell-values";
import type { DmcDraft, PhaseDraft, ProviderDraft, Registry } from "./drafts";
import type { IssueSink } from "./issue-sink";
import { parseDate, parseEnum, parseText } from "./parse-cell";
import { cellAt, type TableView } from "./table-view";

/** A table defines names only when it was found and has its key column. */
export function definesNames(view: TableView | undefined, keyColumn: string): view is TableView {
  return view !== undefined && view.columns.has(foldKey(keyColumn));
}

const describe = (view: TableView, r: number, sink: IssueSink): string => parseText(view, r, "Description", sink, false)?.value ?? "";

export function parsePhases(view: TableView | undefined, reg: Registry<PhaseDraft>, sink: IssueSink, rules: RuleRunner): void {
  if (!view) return;
  for (const r of view.dataRows) {
    const check = rules.row("Phases");
    const start = parseDate(view, r, "StartDate", sink);
    const end = parseDate(view, r, "EndDate", sink);
    check.after("EndDate", { start, end });
    const key = parseText(view, r, "Phase", sink, true);
    if (!key || !check.after("Phase", { start, end, key })) continue;
    reg.add(foldKey(key.value), { name: key.value, cell: key.cell, start, end, description: describe(view, r, sink) });
  }
}

export function parseProviders(view: TableView | undefined, reg: Registry<ProviderDraft>, sink: IssueSink, rules: RuleRunner): void {
  if (!view) return;
  for (const r of view.dataRows) {
    const check = rules.row("Providers");
    const key = parseText(view, r, "Provider", sink, true);
    if (!key || !check.after("Provider", { key })) continue;
    reg.add(foldKey(key.value), { name: key.value, cell: key.cell, description: describe(view, r, sink) });
  }
}

const DMC_COLUMNS = new Set(["dmc", "generation", "description"]);

export function parseDmcs(view: TableView | undefined, reg: Registry<DmcDraft>, sink: IssueSink, rules: RuleRunner): void {
  if (!view) return;
  for (const r of view.dataRows) {
    const check = rules.row("DMCs");
    const generation = parseEnum(view, r, "Generation", GENERATIONS, sink)?.value;
    const attributes: Record<string, string> = {};
    view.headers.forEach((header, c) => {
      if (header === "" || DMC_COLUMNS.has(foldKey(header))) return;
      attributes[header] = cellText(cellAt(view, r, c).value);
    });
    const key = parseText(view, r, "DMC", sink, true);
    if (!key || !check.after("DMC", { key })) continue;
    reg.add(foldKey(key.value), { name: key.value, cell: key.cell, generation, description: describe(view, r, sink), attributes });
  }
}
