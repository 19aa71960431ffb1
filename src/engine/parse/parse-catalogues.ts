import { GENERATIONS } from "../model/types";
import { showValue } from "../validate/issue-catalogue";
import { cellText, foldKey } from "./cell-values";
import { Registry, type DmcDraft, type NamedDraft, type PhaseDraft, type ProviderDraft } from "./drafts";
import type { IssueSink } from "./issue-sink";
import { readDate, readEnum, readText } from "./read-cell";
import { cellAt, type TableView } from "./table-view";

/** Reads a table's key cell and registers the row; reports DUPLICATE_KEY. */
export function registerKey<T extends NamedDraft>(
  view: TableView,
  r: number,
  column: string,
  registry: Registry<T>,
  sink: IssueSink,
  build: (name: string, cell: string) => T,
): T | undefined {
  const key = readText(view, r, column, sink, true);
  if (!key) return undefined;
  const item = build(key.value, key.cell);
  if (!registry.add(foldKey(key.value), item)) {
    sink.add("DUPLICATE_KEY", view.table, key.cell, {
      column,
      found: `${showValue(key.value)} again`,
      expected: `each ${column} once in ${view.table}`,
    });
    return undefined;
  }
  return item;
}

/** A table defines names only when it was found and has its key column. */
export function definesNames(view: TableView | undefined, keyColumn: string): view is TableView {
  return view !== undefined && view.columns.has(foldKey(keyColumn));
}

const describe = (view: TableView, r: number, sink: IssueSink): string => readText(view, r, "Description", sink, false)?.value ?? "";

export function parsePhases(view: TableView | undefined, sink: IssueSink): Registry<PhaseDraft> {
  const reg = new Registry<PhaseDraft>(definesNames(view, "Phase"));
  if (!view) return reg;
  for (const r of view.dataRows) {
    const start = readDate(view, r, "StartDate", sink);
    const end = readDate(view, r, "EndDate", sink);
    if (start && end && end.value < start.value) {
      sink.add("BAD_DATE", view.table, end.cell, {
        column: "EndDate",
        found: `an EndDate before the StartDate`,
        expected: "EndDate on or after StartDate",
      });
    }
    registerKey(view, r, "Phase", reg, sink, (name, cell) => ({ name, cell, start, end, description: describe(view, r, sink) }));
  }
  return reg;
}

export function parseProviders(view: TableView | undefined, sink: IssueSink): Registry<ProviderDraft> {
  const reg = new Registry<ProviderDraft>(definesNames(view, "Provider"));
  if (!view) return reg;
  for (const r of view.dataRows) {
    registerKey(view, r, "Provider", reg, sink, (name, cell) => ({ name, cell, description: describe(view, r, sink) }));
  }
  return reg;
}

const DMC_COLUMNS = new Set(["dmc", "generation", "description"]);

export function parseDmcs(view: TableView | undefined, sink: IssueSink): Registry<DmcDraft> {
  const reg = new Registry<DmcDraft>(definesNames(view, "DMC"));
  if (!view) return reg;
  for (const r of view.dataRows) {
    const generation = readEnum(view, r, "Generation", GENERATIONS, sink)?.value;
    const attributes: Record<string, string> = {};
    view.headers.forEach((header, c) => {
      if (header === "" || DMC_COLUMNS.has(foldKey(header))) return;
      attributes[header] = cellText(cellAt(view, r, c).value);
    });
    registerKey(view, r, "DMC", reg, sink, (name, cell) => ({ name, cell, generation, description: describe(view, r, sink), attributes }));
  }
  return reg;
}
