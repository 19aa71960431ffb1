/** The XML scanner gives htmlparser2's events (XML mode) on any document, however it is cut into chunks. */
import fc from "fast-check";
import { Parser } from "htmlparser2";
import { createXmlScanner, decodeEntities } from "./xml-scanner";

type Event = readonly ["open", string, Record<string, string>] | readonly ["close", string] | readonly ["text", string];

/** Consecutive text events joined: where a text is cut is not part of the contract. */
function joinTexts(events: Event[]): Event[] {
  const out: Event[] = [];
  for (const e of events) {
    const last = out[out.length - 1];
    if (e[0] === "text" && last?.[0] === "text") out[out.length - 1] = ["text", last[1] + e[1]];
    else if (e[0] !== "text" || e[1] !== "") out.push(e);
  }
  return out;
}

function htmlparser2Events(chunks: readonly string[]): Event[] {
  const events: Event[] = [];
  const parser = new Parser(
    {
      onopentag: (name, attributes) => events.push(["open", name, { ...attributes }]),
      onclosetag: (name) => events.push(["close", name]),
      ontext: (text) => events.push(["text", text]),
    },
    { xmlMode: true, decodeEntities: true, recognizeSelfClosing: true },
  );
  for (const c of chunks) parser.write(c);
  parser.end();
  return joinTexts(events);
}

function scannerEvents(chunks: readonly string[]): Event[] {
  const events: Event[] = [];
  const scanner = createXmlScanner({
    open: (name, attributes) => events.push(["open", name, { ...attributes }]),
    close: (name) => events.push(["close", name]),
    text: (text) => events.push(["text", text]),
  });
  for (const c of chunks) scanner.write(c);
  scanner.end();
  return joinTexts(events);
}

const name = fc.constantFrom("c", "v", "row", "x:c", "f", "is", "t", "sheetData", "r", "é", "_a", "a.b-c");
const entity = fc.constantFrom("&amp;", "&lt;", "&gt;", "&quot;", "&apos;", "&#65;", "&#x1F600;", "&#0;", "&#xD800;", "&#x110000;", "&nbsp;", "&", "&#;", "&#x;", "&AMP;", "&#10;");
const plain = fc.string({ unit: fc.constantFrom("a", "1", " ", "\n", "\t", "é", "😀", "]", "-", "?", "=", "'", '"', "/", ">"), maxLength: 6 });
const text = fc.array(fc.oneof(plain, entity), { maxLength: 4 }).map((parts) => parts.join(""));
const attrValue = fc.array(fc.oneof(plain.map((t) => t.replace(/["']/g, "")), entity, fc.constant("<"), fc.constant(">")), { maxLength: 3 }).map((p) => p.join(""));
const space = fc.constantFrom("", " ", "  ", "\n", "\t");
const attr = fc
  .tuple(fc.constantFrom("r", "t", "s", "r:id", "ref", "xml:space", "si"), space, attrValue, fc.constantFrom('"', "'"), space)
  .map(([n, sp, v, q, sp2]) => ` ${n}${sp}=${sp2}${q}${v}${q}`);

const element: fc.Memo<string> = fc.memo((depth) =>
  fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    text,
    fc.tuple(name, fc.array(attr, { maxLength: 3 }), space).map(([n, as, sp]) => `<${n}${as.join("")}${sp}/>`),
    fc.tuple(name, fc.array(attr, { maxLength: 3 }), space, fc.array(depth > 0 ? element(depth - 1) : text, { maxLength: 4 }), space).map(
      ([n, as, sp, kids, sp2]) => `<${n}${as.join("")}${sp}>${kids.join("")}</${n}${sp2}>`,
    ),
    text.map((t) => `<![CDATA[${t.replace(/]]>/g, "")}]]>`),
    // A comment starting ">" or "->" is closed there by htmlparser2 (HTML's rule), not by XML's.
    text.map((t) => `<!-- ${t.replace(/--/g, "")}-->`),
    fc.constant('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'),
  ),
);

const document = fc.array(element(3), { minLength: 1, maxLength: 5 }).map((parts) => parts.join(""));

function cut(doc: string, at: readonly number[]): string[] {
  const points = [...new Set(at.map((a) => a % (doc.length + 1)))].sort((a, b) => a - b);
  const chunks: string[] = [];
  let from = 0;
  for (const p of points) {
    chunks.push(doc.slice(from, p));
    from = p;
  }
  chunks.push(doc.slice(from));
  return chunks;
}

describe("xml scanner", () => {
  it("gives htmlparser2's events on any document, whole or cut into any chunks", () => {
    fc.assert(
      fc.property(document, fc.array(fc.nat(), { maxLength: 12 }), (doc, at) => {
        const expected = htmlparser2Events([doc]);
        expect(scannerEvents([doc])).toEqual(expected);
        expect(scannerEvents(cut(doc, at))).toEqual(expected);
      }),
      { numRuns: 3000 },
    );
  });

  it("gives the same events chunk by chunk as whole, one character at a time included", () => {
    const doc = `<?xml version="1.0"?><x:worksheet xmlns:x="s"><x:sheetData><x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r='B1'><x:f>A1&amp;"&lt;x&gt;"</x:f><x:v>1</x:v></x:c><x:c r="C1" t="inlineStr"><x:is><x:t xml:space="preserve"> a&#10;b </x:t></x:is></x:c></x:row></x:sheetData><!-- end --></x:worksheet>`;
    const expected = htmlparser2Events([doc]);
    expect(expected.length).toBeGreaterThan(20);
    expect(scannerEvents(doc.split(""))).toEqual(expected);
  });

  // Where htmlparser2 follows HTML rather than XML, the scanner follows XML (no writer of
  // .xlsx files produces these; a hand-edited part might).
  it("reads what htmlparser2 reads as HTML the XML way: &#128;-&#159;, a stray '<', '<!-->'", () => {
    expect(scannerEvents(["<a>&#128;&#x9F;</a>"])).toEqual([["open", "a", {}], ["text", "\u0080\u009F"], ["close", "a"]]);
    expect(htmlparser2Events(["<a>&#128;</a>"])).toEqual([["open", "a", {}], ["text", "€"], ["close", "a"]]);
    expect(scannerEvents(["<a>1 < 2, 3 <= 4 <5</a>"])).toEqual([["open", "a", {}], ["text", "1 < 2, 3 <= 4 <5"], ["close", "a"]]);
    expect(scannerEvents(["<a><!-->--></a>"])).toEqual([["open", "a", {}], ["close", "a"]]);
  });

  it("decodes XML's entities and numeric references, and leaves other ampersands as written", () => {
    expect(decodeEntities("a &amp; b &lt;&gt;&quot;&apos; &#65;&#x42; &nbsp; & &#0;")).toBe("a & b <>\"' AB &nbsp; & \uFFFD");
  });
});
