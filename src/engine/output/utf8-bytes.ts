/**
 * Text as UTF-8 bytes, as Node's Buffer.from(text, "utf8") and TextEncoder give them (a lone
 * surrogate becomes U+FFFD); the engine has neither, being free of Node and the DOM.
 * @example utf8Bytes("£1") // Uint8Array [0xc2, 0xa3, 0x31]
 */
export function utf8Bytes(text: string): Uint8Array {
  const out = new Uint8Array(text.length * 3);
  return out.slice(0, writeUtf8(text, out, 0));
}

/**
 * Writes `text` as UTF-8 into `out` from `start` (room for 3 bytes per UTF-16 unit is the
 * caller's to give); returns the end.
 */
export function writeUtf8(text: string, out: Uint8Array, start: number): number {
  let at = start;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c < 0x80) {
      out[at++] = c;
      continue;
    }
    if (c < 0x800) {
      out[at++] = 0xc0 | (c >> 6);
      out[at++] = 0x80 | (c & 0x3f);
      continue;
    }
    if (c >= 0xd800 && c <= 0xdfff) {
      const next = text.charCodeAt(i + 1);
      if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (next - 0xdc00);
        i++;
        out[at++] = 0xf0 | (c >> 18);
        out[at++] = 0x80 | ((c >> 12) & 0x3f);
        out[at++] = 0x80 | ((c >> 6) & 0x3f);
        out[at++] = 0x80 | (c & 0x3f);
        continue;
      }
      c = 0xfffd;
    }
    out[at++] = 0xe0 | (c >> 12);
    out[at++] = 0x80 | ((c >> 6) & 0x3f);
    out[at++] = 0x80 | (c & 0x3f);
  }
  return at;
}
