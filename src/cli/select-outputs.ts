import { OUTPUT_LIST, type OutputFile } from "../engine";
import { UsageError } from "./usage-error";

/** issues.csv is written by every run: it is the validation record the other files rest on. */
const ALWAYS: OutputFile = "issues.csv";

/** The names `--outputs` takes, from the output registry: `summary, hourly, dmc, transaction`. */
export const OUTPUT_KEYS: readonly string[] = OUTPUT_LIST.filter((o) => o.file !== ALWAYS).map((o) => o.key);

/** The `--outputs` line of `sctvm compute --help`. */
export const OUTPUTS_HELP = `only these outputs, comma-separated: ${OUTPUT_KEYS.join(", ")} or all (default all; ${ALWAYS} is always written)`;

/**
 * The output files a `--outputs` list names, in registry order, issues.csv always among
 * them; every output when the option is absent. A name is an output's key or its file name.
 * @example selectOutputs("summary,hourly") // ["provider-summary.csv", "provider-hourly.csv", "issues.csv"]
 */
export function selectOutputs(list: string | undefined): OutputFile[] {
  const all = OUTPUT_LIST.map((o) => o.file);
  if (list === undefined) return all;
  const chosen = new Set<OutputFile>([ALWAYS]);
  const names = list.split(",").map((n) => n.trim());
  if (names.every((n) => n === "")) throw new UsageError(`--outputs needs at least one of ${OUTPUT_KEYS.join(", ")} or all`);
  for (const name of names) {
    if (name === "") continue;
    const folded = name.toLowerCase();
    if (folded === "all") return all;
    const output = OUTPUT_LIST.find((o) => o.key === folded || o.file === folded);
    if (!output) throw new UsageError(`--outputs: unknown output '${name}'; choose from ${OUTPUT_KEYS.join(", ")} or all`);
    chosen.add(output.file);
  }
  return all.filter((f) => chosen.has(f));
}

/**
 * The `--outputs` list that asks for what `list` asks for except `file` (for a suggestion).
 * @example outputsWithout("rates-by-dmc.csv", undefined) // "summary,hourly,transaction"
 */
export function outputsWithout(file: OutputFile, list: string | undefined): string {
  const keep = selectOutputs(list).filter((f) => f !== file && f !== ALWAYS);
  return OUTPUT_LIST.filter((o) => keep.includes(o.file)).map((o) => o.key).join(",") || "summary";
}
