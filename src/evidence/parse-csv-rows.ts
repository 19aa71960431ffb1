/**
 * RFC 4180 CSV text to rows, each with the line it starts on, for results files. A quoted
 * field left open at the end (a truncated file) is an error, not a guess.
 * @example parseCsvRows('a,b\n1,2\n') // { rows: [{ line: 1, fields: ["a","b"] }, { line: 2, fields: ["1","2"] }] }
 */
export function parseCsvRows(text: string): { rows: { line: number; fields: string[] }[] } | { error: { line: number; message: string } } {
  const split = splitCsv(text);
  if ("error" in split) return split;
  return { rows: split.rows.filter((r) => !(r.fields.length === 1 && r.fields[0] === "")) };
}

/**
 * RFC 4180 CSV text to every row (blank lines included) with the line it starts on: quoted
 * fields may hold commas, doubled quotes and line breaks; CRLF or LF; a leading BOM skipped;
 * no trailing empty row. A quoted field left open at the end is an error.
 */
export function splitCsv(text: string): { rows: { line: number; fields: string[] }[] } | { error: { line: number; message: string } } {
  const rows: { line: number; fields: string[] }[] = [];
  let fields: string[] = [];
  let field = "";
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  let quoteLine = 1;
  for (let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; i < text.length; i++) {
    const c = text.charAt(i);
    if (quoted) {
      if (c === '"' && text.charAt(i + 1) === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else {
        if (c === "\n") line++;
        field += c;
      }
    } else if (c === '"' && field === "") {
      quoted = true;
      quoteLine = line;
    } else if (c === ",") {
      fields.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text.charAt(i + 1) === "\n") i++;
      fields.push(field);
      rows.push({ line: rowLine, fields });
      fields = [];
      field = "";
      line++;
      rowLine = line;
    } else {
      field += c;
    }
  }
  if (quoted) return { error: { line: quoteLine, message: "a quoted field is not closed (the file looks truncated)" } };
  if (field !== "" || fields.length > 0) {
    fields.push(field);
    rows.push({ line: rowLine, fields });
  }
  return { rows };
}

/** A header's column positions by name; missing names listed. */
export function columnsOf(header: readonly string[], wanted: readonly string[]): { at: Map<string, number> } | { missing: string[] } {
  const at = new Map<string, number>();
  header.forEach((h, i) => {
    if (!at.has(h.trim())) at.set(h.trim(), i);
  });
  const missing = wanted.filter((w) => !at.has(w));
  return missing.length ? { missing } : { at };
}
