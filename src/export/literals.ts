/**
 * Names from a workbook reach generated code only through these: escaped string literals
 * (pure ASCII, so no line terminator, quote or `</script>` survives) and sanitised
 * identifiers. Comments use `commentText`, a one-line ASCII form.
 */

function hex(code: number, width: number): string {
  return code.toString(16).padStart(width, "0");
}

/** Escapes for JS and JSON: ASCII printable kept except `"` `\` `<` `>` `&` `'` `` ` `` and `$`. */
function escapeJsChars(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const ch = text[i] as string;
    if (ch === "\\") out += "\\\\";
    else if (ch === '"') out += '\\"';
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (ch === "\t") out += "\\t";
    else if (c < 0x20 || c > 0x7e || "<>&'`$".includes(ch)) out += `\\u${hex(c, 4)}`;
    else out += ch;
  }
  return out;
}

/** A JavaScript (and JSON) double-quoted string literal. */
export function jsString(text: string): string {
  return `"${escapeJsChars(text)}"`;
}

/** A Python string literal (ASCII only; astral characters as \U escapes). */
export function pyString(text: string): string {
  let out = "";
  for (const ch of text) {
    const c = ch.codePointAt(0) as number;
    if (ch === "\\") out += "\\\\";
    else if (ch === '"') out += '\\"';
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (ch === "\t") out += "\\t";
    else if (c < 0x20 || c === 0x7f) out += `\\x${hex(c, 2)}`;
    else if (c > 0xffff) out += `\\U${hex(c, 8)}`;
    else if (c > 0x7e) out += `\\u${hex(c, 4)}`;
    else out += ch;
  }
  return `"${out}"`;
}

/** A YAML double-quoted scalar (ASCII only). */
export function yamlString(text: string): string {
  let out = "";
  for (const ch of text) {
    const c = ch.codePointAt(0) as number;
    if (ch === "\\") out += "\\\\";
    else if (ch === '"') out += '\\"';
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (ch === "\t") out += "\\t";
    else if (c > 0xffff) out += `\\U${hex(c, 8)}`;
    else if (c < 0x20 || c > 0x7e) out += `\\u${hex(c, 4)}`;
    else out += ch;
  }
  return `"${out}"`;
}

/** XML 1.0 character data or attribute value; characters XML 1.0 cannot carry become U+FFFD. */
export function xmlText(text: string): string {
  let out = "";
  for (const ch of text) {
    const c = ch.codePointAt(0) as number;
    if (ch === "&") out += "&amp;";
    else if (ch === "<") out += "&lt;";
    else if (ch === ">") out += "&gt;";
    else if (ch === '"') out += "&quot;";
    else if (ch === "'") out += "&apos;";
    else if (ch === "\n" || ch === "\r" || ch === "\t") out += `&#${c};`;
    else if (c < 0x20 || (c >= 0xd800 && c <= 0xdfff) || c === 0xfffe || c === 0xffff) out += "&#xFFFD;";
    else if (c > 0x7e) out += `&#x${c.toString(16).toUpperCase()};`;
    else out += ch;
  }
  return out;
}

/** A name shown in a one-line comment: JSON-style escapes, ASCII only, no comment terminators. */
export function commentText(text: string): string {
  return jsString(text).replace(/\*\//g, "*\\/").replace(/--/g, "-\\u002d");
}

/**
 * A sanitised identifier: letters, digits and `_`, starting with a letter, with an index so
 * distinct series never share one.
 * @example identifier("S1SP/SRV 4.6.1", 3) // "t03_s1sp_srv_4_6_1"
 */
export function identifier(text: string, index: number): string {
  const slug = text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, 40);
  return `t${String(index).padStart(2, "0")}${slug ? `_${slug}` : ""}`;
}

/**
 * A file-system-safe name part: letters, digits, `.`, `-` and `_`; at most 80 characters.
 * @example fileNamePart("S1SP / Café") // "S1SP_Caf_"
 */
export function fileNamePart(text: string): string {
  const safe = text.replace(/[^A-Za-z0-9._-]/g, "_").replace(/^\.+/, "_").slice(0, 80);
  return safe || "_";
}
