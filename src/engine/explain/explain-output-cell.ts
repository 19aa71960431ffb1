import type { CellValue } from "../model/grid";
import type { Results } from "../model/results";
import type { VolumeModel } from "../model/types";
import type { OutputFile } from "../output/output-files";
import { OUTPUTS } from "../output/outputs";
import type { ExplainError, Explanation } from "./explain";

/**
 * Explains the figure in one cell of a result table, given the table, the column and the
 * row's values by header (what the add-in reads from a selected cell). Each output's own
 * `explain` entry decides (src/engine/output).
 * @example explainOutputCell(model, results, "rates-by-dmc.csv", "per_hour", { phase: "IOC", provider: "DSP", dmc: "S1-A", hour: 2 })
 */
export function explainOutputCell(
  model: VolumeModel,
  results: Results,
  file: OutputFile,
  column: string,
  row: Readonly<Record<string, CellValue>>,
): Explanation | ExplainError {
  return OUTPUTS[file].explain({ model, results, column, row });
}
