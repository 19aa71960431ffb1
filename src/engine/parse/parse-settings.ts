import type { Settings, Sourced } from "../model/types";
import { showValue } from "../validate/issue-catalogue";
import type { RuleRunner } from "../validate/run-rules";
import { foldKey } from "./cell-values";
import type { IssueSink } from "./issue-sink";
import { checkBound, numberFromCell, parseText, type NumberBound } from "./parse-cell";
import { viewCell, type TableView } from "./table-view";

interface NumericSetting {
  readonly name: "Contingency" | "BurstFactor" | "Tolerance";
  readonly bound: NumberBound;
  readonly fallback: number;
  readonly fraction: boolean;
}

const NUMERIC: readonly NumericSetting[] = [
  { name: "Contingency", bound: "nonNegative", fallback: 0, fraction: true },
  { name: "BurstFactor", bound: "atLeastOne", fallback: 1, fraction: false },
  { name: "Tolerance", bound: "positive", fallback: 0.1, fraction: true },
];
const TEXT = ["ModelName", "ModelVersion"] as const;

const DEFAULT_SETTINGS: Settings = {
  contingency: { value: 0, cell: "" },
  burstFactor: { value: 1, cell: "" },
  tolerance: { value: 0.1, cell: "" },
  modelName: { value: "", cell: "" },
  modelVersion: { value: "", cell: "" },
};

/** Settings table (optional): known settings with defaults; unknown ones warned about. */
export function parseSettings(view: TableView | undefined, sink: IssueSink, rules: RuleRunner): Settings {
  const found = new Map<string, Sourced<number> | Sourced<string>>();
  if (!view) return DEFAULT_SETTINGS;
  for (const r of view.dataRows) {
    const check = rules.row("Settings");
    const key = parseText(view, r, "Setting", sink, true);
    const valueCell = viewCell(view, r, "Value");
    if (!key) {
      if (valueCell.present) parseText(view, r, "Value", sink, false);
      continue;
    }
    if (!check.after("Setting", { key })) continue;
    const folded = foldKey(key.value);
    const numeric = NUMERIC.find((s) => foldKey(s.name) === folded);
    const text = TEXT.find((s) => foldKey(s) === folded);
    if (!numeric && !text) {
      sink.add("UNKNOWN_SETTING", view.table, key.cell, {
        column: "Setting",
        found: showValue(key.value),
        expected: `one of ${[...NUMERIC.map((s) => s.name), ...TEXT].join(", ")}`,
      });
      continue;
    }
    if (!valueCell.present) continue;
    if (text) {
      const v = parseText(view, r, "Value", sink, true);
      if (v) found.set(foldKey(text), v);
      continue;
    }
    if (!numeric) continue;
    const column = `Value of ${numeric.name}`;
    const n = numberFromCell(view, valueCell, column, true, sink);
    if (n === undefined || n === "blank") continue;
    if (!checkBound(view, valueCell.address, column, n, numeric.bound, sink)) continue;
    if (numeric.fraction && n > 1) {
      sink.add("PERCENT_AS_WHOLE", view.table, valueCell.address, { column, found: String(n), expected: "a fraction such as 0.1 for 10%" });
    }
    found.set(foldKey(numeric.name), { value: n, cell: valueCell.address });
  }
  const num = (name: string, d: Sourced<number>): Sourced<number> => (found.get(foldKey(name)) as Sourced<number> | undefined) ?? d;
  const txt = (name: string, d: Sourced<string>): Sourced<string> => (found.get(foldKey(name)) as Sourced<string> | undefined) ?? d;
  return {
    contingency: num("Contingency", DEFAULT_SETTINGS.contingency),
    burstFactor: num("BurstFactor", DEFAULT_SETTINGS.burstFactor),
    tolerance: num("Tolerance", DEFAULT_SETTINGS.tolerance),
    modelName: txt("ModelName", DEFAULT_SETTINGS.modelName),
    modelVersion: txt("ModelVersion", DEFAULT_SETTINGS.modelVersion),
  };
}
