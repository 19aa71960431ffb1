/**
 * A streaming XML scanner for SpreadsheetML parts: the events htmlparser2 gives in XML mode
 * (open with attributes, close, text; entities and CDATA decoded; self-closing tags closed;
 * comments, processing instructions and declarations skipped), found with `indexOf` over
 * the text instead of a state machine per character. The worksheet of a 100,000-row model
 * is ~30 MB of XML; htmlparser2 read it at ~25 MB/s, a third of a huge `compute`.
 * xml-scanner.property.test.ts holds it to htmlparser2's events on any document,
 * cut into any chunks.
 */

/** Attributes by their name as written (`r:id`, `ref`). */
export type XmlAttributes = Readonly<Record<string, string>>;

/** Events of a scan, with qualified names as written. */
export interface XmlSink {
  open(name: string, attributes: XmlAttributes): void;
  close(name: string): void;
  text(text: string): void;
}

const XML_ENTITIES: Readonly<Record<string, string>> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
const ENTITY = /&(?:#[xX]([0-9a-fA-F]+)|#([0-9]+)|(amp|lt|gt|quot|apos));/g;

/** A numeric character reference's character; U+FFFD where it names none (0, a surrogate, past U+10FFFF). */
function codePointText(code: number): string {
  if (code === 0 || (code >= 0xd800 && code <= 0xdfff) || code > 0x10ffff) return "\uFFFD";
  return String.fromCodePoint(code);
}

/**
 * Text with XML's five entities and numeric references decoded; anything else after `&`
 * is kept as written.
 * @example decodeEntities("a &amp; b &#x41;") // "a & b A"
 */
export function decodeEntities(text: string): string {
  if (text.indexOf("&") < 0) return text;
  return text.replace(ENTITY, (whole, hex: string | undefined, dec: string | undefined, named: string | undefined) => {
    if (named !== undefined) return XML_ENTITIES[named] ?? whole;
    return codePointText(hex !== undefined ? Number.parseInt(hex, 16) : Number.parseInt(dec ?? "", 10));
  });
}

/** Whether a character code is XML whitespace (space, tab, CR, LF). */
const isSpace = (c: number): boolean => c === 32 || c === 10 || c === 9 || c === 13;

/** The first index from `j` that is not whitespace (or `s.length`). */
function skipSpace(s: string, j: number): number {
  while (j < s.length && isSpace(s.charCodeAt(j))) j++;
  return j;
}

/** Whether `<` followed by this character starts markup (else the `<` is text). */
const startsMarkup = (c: number): boolean =>
  (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 47 || c === 33 || c === 63 || c === 95 || c === 58 || c > 127;

/**
 * Scans `s` from 0, sending events to `sink`; returns where an incomplete construct at the
 * end begins (the caller keeps the text from there for the next chunk), or `s.length`.
 * With `final`, an incomplete construct at the end is dropped and text is sent whole.
 */
export function scanXml(s: string, sink: XmlSink, final: boolean): number {
  const n = s.length;
  let i = 0;
  while (i < n) {
    const lt = s.indexOf("<", i);
    if (lt < 0) {
      // Text may continue (and an entity may be cut) in the next chunk.
      if (!final) return i;
      sink.text(decodeEntities(s.slice(i)));
      return n;
    }
    if (lt + 1 >= n && !final) {
      if (lt > i) sink.text(decodeEntities(s.slice(i, lt)));
      return lt;
    }
    const next = s.charCodeAt(lt + 1);
    if (!startsMarkup(next)) {
      // A lone "<" is text; send what is before it and go on past it.
      const more = s.indexOf("<", lt + 1);
      const end = more < 0 ? n : more;
      if (more < 0 && !final) return i;
      sink.text(decodeEntities(s.slice(i, end)));
      i = end;
      continue;
    }
    if (lt > i) sink.text(decodeEntities(s.slice(i, lt)));
    const after = scanMarkup(s, lt, sink);
    if (after < 0) return final ? n : lt;
    i = after;
  }
  return n;
}

/** The markup at `lt` (a tag, comment, CDATA, PI or declaration); returns the index after it, or -1 if it is incomplete. */
function scanMarkup(s: string, lt: number, sink: XmlSink): number {
  const c = s.charCodeAt(lt + 1);
  if (c === 33 /* ! */) {
    if (s.startsWith("<!--", lt)) {
      const end = s.indexOf("-->", lt + 4);
      return end < 0 ? -1 : end + 3;
    }
    if (s.startsWith("<![CDATA[", lt)) {
      const end = s.indexOf("]]>", lt + 9);
      if (end < 0) return -1;
      if (end > lt + 9) sink.text(s.slice(lt + 9, end));
      return end + 3;
    }
    // "<![CDATA" cut by the chunk's end, or a declaration.
    if (s.length - lt < 9 && "<![CDATA[".startsWith(s.slice(lt))) return -1;
    const end = s.indexOf(">", lt + 2);
    return end < 0 ? -1 : end + 1;
  }
  if (c === 63 /* ? */) {
    const end = s.indexOf(">", lt + 2);
    return end < 0 ? -1 : end + 1;
  }
  if (c === 47 /* / */) {
    const end = s.indexOf(">", lt + 2);
    if (end < 0) return -1;
    let nameEnd = lt + 2;
    while (nameEnd < end && !isSpace(s.charCodeAt(nameEnd))) nameEnd++;
    sink.close(s.slice(lt + 2, nameEnd));
    return end + 1;
  }
  return scanOpenTag(s, lt, sink);
}

/** An open tag at `lt`: name, attributes, `>` or `/>`; returns the index after it, or -1 if incomplete. */
function scanOpenTag(s: string, lt: number, sink: XmlSink): number {
  const n = s.length;
  let j = lt + 1;
  while (j < n) {
    const c = s.charCodeAt(j);
    if (isSpace(c) || c === 62 /* > */ || c === 47 /* / */) break;
    j++;
  }
  if (j >= n) return -1;
  const name = s.slice(lt + 1, j);
  const attributes: Record<string, string> = {};
  for (;;) {
    j = skipSpace(s, j);
    if (j >= n) return -1;
    const c = s.charCodeAt(j);
    if (c === 62) {
      sink.open(name, attributes);
      return j + 1;
    }
    if (c === 47) {
      if (j + 1 >= n) return -1;
      if (s.charCodeAt(j + 1) === 62) {
        sink.open(name, attributes);
        sink.close(name);
        return j + 2;
      }
      j++;
      continue;
    }
    const attrStart = j;
    while (j < n) {
      const a = s.charCodeAt(j);
      if (isSpace(a) || a === 61 /* = */ || a === 62 || a === 47) break;
      j++;
    }
    if (j >= n) return -1;
    const attrName = s.slice(attrStart, j);
    j = skipSpace(s, j);
    if (j >= n) return -1;
    let value = "";
    if (s.charCodeAt(j) === 61) {
      j = skipSpace(s, j + 1);
      if (j >= n) return -1;
      const quote = s.charCodeAt(j);
      if (quote === 34 || quote === 39) {
        const close = s.indexOf(quote === 34 ? '"' : "'", j + 1);
        if (close < 0) return -1;
        value = decodeEntities(s.slice(j + 1, close));
        j = close + 1;
      } else {
        const start = j;
        while (j < n && !isSpace(s.charCodeAt(j)) && s.charCodeAt(j) !== 62) j++;
        if (j >= n) return -1;
        value = decodeEntities(s.slice(start, j));
      }
    }
    if (!Object.prototype.hasOwnProperty.call(attributes, attrName)) attributes[attrName] = value;
  }
}

/** A streaming scanner: feed text chunks in order, then `end()`. */
export function createXmlScanner(sink: XmlSink): { write(chunk: string): void; end(): void } {
  let rest = "";
  return {
    write(chunk: string): void {
      const text = rest.length === 0 ? chunk : rest + chunk;
      const at = scanXml(text, sink, false);
      rest = at >= text.length ? "" : text.slice(at);
    },
    end(): void {
      if (rest.length > 0) scanXml(rest, sink, true);
      rest = "";
    },
  };
}
