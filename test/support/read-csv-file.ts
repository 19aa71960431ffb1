/** Reads a CSV output of the CLI as records keyed by its header. */
import { readFileSync } from "node:fs";
import { parseCsv } from "./parse-csv";

export interface CsvFile {
  readonly header: string[];
  readonly records: Record<string, string>[];
}

export function readCsvFile(path: string): CsvFile {
  const [header = [], ...rows] = parseCsv(readFileSync(path, "utf8"));
  return { header, records: rows.map((row) => Object.fromEntries(header.map((h, c) => [h, row[c] ?? ""]))) };
}
