/** What rates-by-dmc.csv and rates-by-transaction.csv share: non-zero 24-hour series with key labels. */
import { nonZeroSeries } from "../model/results";
import { csvField, formatNumber } from "./format-csv";
import type { OutputCell, OutputInput } from "./output-definition";

/** A non-zero 24-hour series of a rates file with its key labels. */
export interface LabelledSeries {
  readonly phase: string;
  readonly provider: string;
  readonly labels: readonly string[];
  readonly hours: Float64Array;
}

/**
 * The non-zero DMC or transaction series in key order (phases, providers, DMCs /
 * transaction series in table order), with their labels, one at a time.
 */
function* ratesSeries({ model, results }: OutputInput, kind: "dmc" | "transaction"): Generator<LabelledSeries> {
  for (const { phase, provider, item, hours } of nonZeroSeries(results, kind)) {
    const series = results.series[item];
    yield {
      phase: model.phases[phase]?.name ?? "",
      provider: model.providers[provider]?.name ?? "",
      labels: kind === "dmc" ? [model.dmcs[item]?.name ?? ""] : [series?.name ?? "", series?.stream ?? ""],
      hours,
    };
  }
}

/** The rows: key labels, hour, per_hour. */
export function seriesRows(input: OutputInput, kind: "dmc" | "transaction"): OutputCell[][] {
  const rows: OutputCell[][] = [];
  for (const { phase, provider, labels, hours } of ratesSeries(input, kind)) {
    hours.forEach((perHour, h) => rows.push([phase, provider, ...labels, h, perHour]));
  }
  return rows;
}

/** Characters per chunk of `seriesCsvChunks` (about 1 MiB of text). */
export const CHUNK_CHARS = 1 << 20;

/**
 * The CSV text straight from the Float64Arrays, in chunks of about `chunkChars` characters
 * made as they are consumed (a rates file is never held whole): each series' key prefix is
 * quoted once, then its 24 lines appended. The chunks join to formatCsv of the rows,
 * without building hundreds of thousands of row arrays.
 * @example [...seriesCsvChunks(input, "dmc", COLUMNS)].join("") === seriesCsv(input, "dmc", COLUMNS)
 */
export function* seriesCsvChunks(input: OutputInput, kind: "dmc" | "transaction", columns: readonly string[], chunkChars = CHUNK_CHARS): Generator<string> {
  let lines: string[] = [columns.map(csvField).join(",")];
  let size = 0;
  for (const { phase, provider, labels, hours } of ratesSeries(input, kind)) {
    const prefix = `${csvField(phase)},${csvField(provider)},${labels.map(csvField).join(",")},`;
    for (let h = 0; h < hours.length; h++) {
      const line = `${prefix}${h},${formatNumber(hours[h] as number)}`;
      lines.push(line);
      size += line.length + 1;
    }
    if (size >= chunkChars) {
      yield `${lines.join("\n")}\n`;
      lines = [];
      size = 0;
    }
  }
  if (lines.length > 0) yield `${lines.join("\n")}\n`;
}

/** The whole CSV text: `seriesCsvChunks` joined. */
export function seriesCsv(input: OutputInput, kind: "dmc" | "transaction", columns: readonly string[]): string {
  return Array.from(seriesCsvChunks(input, kind, columns)).join("");
}
