import { splitCsv } from "../../src/evidence/parse-csv-rows";

/**
 * RFC 4180 CSV text to rows of fields (blank lines kept as [""]), through the same parser the
 * evidence import uses; an unterminated quoted field throws.
 * @example parseCsv('a,"b ""c"""\n1,2\n') // [["a", 'b "c"'], ["1", "2"]]
 */
export function parseCsv(text: string): string[][] {
  const split = splitCsv(text);
  if ("error" in split) throw new Error("unterminated quoted field");
  return split.rows.map((r) => r.fields);
}
