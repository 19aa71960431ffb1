import { emitArtillery } from "./artillery/emit-artillery";
import { emitCsv } from "./csv/emit-csv";
import type { ExportFormat, ExportFormatId } from "./export-format";
import { emitGatling } from "./gatling/emit-gatling";
import { emitJmeter } from "./jmeter/emit-jmeter";
import { emitJson } from "./json/emit-json";
import { emitK6 } from "./k6/emit-k6";
import { emitLocust } from "./locust/emit-locust";

/** Every export format, in the order `all` writes them. */
export const EXPORT_FORMATS: readonly ExportFormat[] = [
  { id: "csv", suffix: ".csv", label: "CSV schedule", emit: emitCsv },
  { id: "json", suffix: ".json", label: "JSON load profile", emit: emitJson },
  { id: "k6", suffix: ".k6.js", label: "k6 script", emit: emitK6 },
  { id: "jmeter", suffix: ".jmx", label: "JMeter test plan", emit: emitJmeter },
  { id: "gatling", suffix: ".gatling.js", label: "Gatling JS simulation", emit: emitGatling },
  { id: "artillery", suffix: ".artillery.yml", label: "Artillery script", emit: emitArtillery },
  { id: "locust", suffix: ".locustfile.py", label: "Locust locustfile", emit: emitLocust },
];

export function exportFormat(id: string): ExportFormat | undefined {
  return EXPORT_FORMATS.find((f) => f.id === id);
}

/**
 * `csv,k6` or `all` to formats; unknown names are returned in `unknown`.
 * @example parseFormatList("csv, json") // { formats: [csv, json], unknown: [] }
 */
export function parseFormatList(text: string): { formats: ExportFormat[]; unknown: string[] } {
  const names = text.split(",").map((n) => n.trim().toLowerCase()).filter((n) => n !== "");
  if (names.includes("all")) return { formats: [...EXPORT_FORMATS], unknown: names.filter((n) => n !== "all" && !exportFormat(n)) };
  const unknown = names.filter((n) => !exportFormat(n));
  const ids = new Set(names);
  return { formats: EXPORT_FORMATS.filter((f) => ids.has(f.id)), unknown };
}

export type { ExportFormatId };
