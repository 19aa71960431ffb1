/**
 * The native scanner of worksheet parts (native/sheet_cells.cc via src/cli/native-addon.ts)
 * must keep exactly the cells the JavaScript reader keeps, or leave the part to it. Built by
 * `npm run build:cli` where g++ and make are (this machine; .ci/run installs them), so its
 * absence is a failure here.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { nativeSheetScanner } from "../../src/cli/native-addon";
import type { CellValue } from "../../src/engine";
import { readSheetPart, sheetCellsOfRecords, type SheetCells, type SheetCellScanner, type SheetWants } from "../../src/io/xlsx/read-sheet-part";
import { readWorkbookFile } from "../../src/io/xlsx/read-workbook-file";
import type { CellContext } from "../../src/io/xlsx/sheet-cell-value";
import { builtNative } from "../support/built-native";
import { SAMPLE_XLSX } from "../support/sample-model";

jest.setTimeout(120_000);
let scanner: SheetCellScanner;
beforeAll(async () => {
  scanner = await builtNative(nativeSheetScanner, "sheet scanner");
}, 180_000);

const q = fc.constantFrom('"', "'");
const space = fc.constantFrom("", "", " ", "\n  ", "\t");
const attribute = (name: string, value: fc.Arbitrary<string>) =>
  fc.tuple(q, value, space, space).map(([quote, v, before, after]) => ` ${name}${before}=${after}${quote}${v}${quote}`);
/** The plain choices, and with `odd` now and then one the scanner may leave to JavaScript. */
const pick = (odd: boolean, plain: fc.Arbitrary<string>, rare: fc.Arbitrary<string>): fc.Arbitrary<string> =>
  odd ? fc.oneof({ weight: 5, arbitrary: plain }, { weight: 1, arbitrary: rare }) : plain;

/** A worksheet part: with `odd`, some of its pieces in forms the scanner may leave to JavaScript. */
function sheetXmlOf(odd: boolean): fc.Arbitrary<string> {
  const reference = pick(
    odd,
    fc.tuple(fc.constantFrom("A", "B", "C", "D", "a", "c", "AA"), fc.integer({ min: 1, max: 12 })).map(([c, r]) => `${c}${r}`),
    fc.constantFrom("A0", "5", "B03", "AAAAA1", "A1.5", "", "A 1", "A1&amp;", "XFD1048576", "A4294967297"),
  );
  const cellAttributes = fc
    .record(
      {
        r: attribute("r", reference),
        s: attribute("s", pick(odd, fc.constantFrom("0", "1", "3", "007"), fc.constantFrom("", "x", "1e1", "9999999999"))),
        t: attribute("t", pick(odd, fc.constantFrom("s", "n", "str", "b", "e", "d", "inlineStr"), fc.constantFrom("", "S", "date"))),
        cm: attribute("cm", fc.constantFrom("1", "a>b", "a/b")),
        prefixed: attribute("x:r", fc.constant("Z9")),
        ...(odd ? { bare: fc.constant(" r") } : {}),
      },
      { requiredKeys: [] },
    )
    .chain((present) => fc.shuffledSubarray(Object.values(present), { minLength: Object.keys(present).length }));
  const valueText = pick(
    odd,
    fc.constantFrom("0", "1", "2", "42466", "1.5", "-3e-7", "TRUE", "true", "#N/A", "2021-08-01", "2021-08-01T12:00:00", " 7 ", "abc", "", "1>0"),
    fc.constantFrom("a &amp; b", "é", "x\ny"),
  );
  const child = pick(
    odd,
    fc.oneof({ weight: 12, arbitrary: valueText.map((v) => `<v>${v}</v>`) }, { weight: 1, arbitrary: fc.constantFrom("<v/>", "<v></v>", "\n  ", "<extLst/>", "<x>1</x>", "< lone") }),
    fc.constantFrom("<x:v>1</x:v>", "<f>1+1</f>", '<f t="shared" si="0"/>', "<is><t>in</t></is>", "<v>1</v >", "<v><![CDATA[5]]></v>", "<!-- c -->", "<?pi x?>"),
  );
  const cell = fc
    .tuple(pick(odd, fc.constant("c"), fc.constant("x:c")), cellAttributes, space, fc.oneof({ weight: 1, arbitrary: fc.constant(null) }, { weight: 6, arbitrary: fc.array(child, { maxLength: 2 }) }))
    .map(([name, attributes, sp, children]) => (children === null ? `<${name}${attributes.join("")}${sp}/>` : `<${name}${attributes.join("")}${sp}>${children.join("")}</${name}>`));
  const row = fc
    .tuple(
      fc.option(attribute("r", pick(odd, fc.integer({ min: 1, max: 12 }).map(String), fc.constantFrom("0", "03", "1e1", ""))), { nil: "" }),
      fc.constantFrom("", ' spans="1:5"', ' x14ac:dyDescent="0.25"'),
      fc.array(cell, { maxLength: 5 }),
      fc.boolean(),
    )
    .map(([r, other, cells, selfClosing]) => (selfClosing && cells.length === 0 ? `<row${r}${other}/>` : `<row${r}${other}>${cells.join("")}</row>`));
  return fc
    .tuple(
      fc.constantFrom("", "\uFEFF"),
      fc.constantFrom("", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'),
      fc.constantFrom("worksheet", "x:worksheet"),
      fc.array(row, { maxLength: 8 }),
      pick(odd, fc.constantFrom("", "<pageMargins/>", "text > more", "a < b"), fc.constantFrom('<mergeCells count="1"><mergeCell ref="A1:B2"/></mergeCells>', "<!-- end -->", "<x:row/>", "&amp;")),
    )
    .map(([bom, declaration, root, rows, tail]) => `${bom}${declaration}<${root} xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows.join("")}</sheetData>${tail}</${root}>`);
}
const sheetXml = fc.oneof(sheetXmlOf(false), sheetXmlOf(true));

const wantsOf = fc.oneof(
  fc.constant<SheetWants>({ ranges: [], whole: true }),
  fc.tuple(fc.nat({ max: 6 }), fc.nat({ max: 3 }), fc.nat({ max: 6 }), fc.nat({ max: 3 })).map(([top, left, h, w]): SheetWants => ({ ranges: [{ top, left, bottom: top + h, right: left + w }], whole: false })),
);
const contextOf = fc.boolean().map((date1904): CellContext => ({ sharedStrings: ["zero", "one", "", "three"], dateStyles: new Set([3]), date1904 }));

/** What a reader kept: the used range and every cell of a window past any generated one. */
function kept(cells: SheetCells): { usedRange: SheetCells["usedRange"]; cells: CellValue[][] } {
  return { usedRange: cells.usedRange, cells: Array.from({ length: 14 }, (_, r) => Array.from({ length: 30 }, (_, c) => cells.get(r, c))) };
}

async function javascriptCells(xml: string, wants: SheetWants, ctx: CellContext): Promise<SheetCells> {
  return readSheetPart(async (on) => on(xml.charCodeAt(0) === 0xfeff ? xml.slice(1) : xml), wants, ctx);
}

it("keeps the JavaScript reader's cells from any worksheet part it scans, and scans the plain ones", async () => {
  let scanned = 0;
  let left = 0;
  await fc.assert(
    fc.asyncProperty(sheetXml, wantsOf, contextOf, async (xml, wants, ctx) => {
      const part = Buffer.from(xml, "utf8");
      const records = scanner(part);
      if (records === null) {
        left++;
        return;
      }
      scanned++;
      expect(kept(sheetCellsOfRecords(part, records, wants, ctx))).toEqual(kept(await javascriptCells(xml, wants, ctx)));
    }),
    { numRuns: 1500 },
  );
  // Both ways taken often enough for the comparison to mean something.
  expect(scanned).toBeGreaterThan(600);
  expect(left).toBeGreaterThan(150);
});

it("never reads past a part of any bytes, and keeps the JavaScript reader's cells whenever it scans one", async () => {
  const piece = fc.constantFrom("<", ">", "/", "c", "v", "r", "row", "=", '"', "'", " ", "1", "A", "s", "t", "&", "?", "!", "\n", "<c", "</c>", "<v>", "</v>", "<row>", ' r="A1"', "\u00e9", "\uFFFD");
  const bytes = fc.oneof(
    fc.array(piece, { maxLength: 40 }).map((p) => Buffer.from(p.join(""), "utf8")),
    fc.uint8Array({ maxLength: 64 }).map((b) => Buffer.from(b)),
  );
  let scanned = 0;
  await fc.assert(
    fc.asyncProperty(bytes, async (part) => {
      const records = scanner(part);
      if (records === null) return;
      scanned++;
      expect(records.length % 6).toBe(0);
      for (let k = 0; k < records.length; k += 6) expect(0 <= records[k + 4]! && records[k + 4]! <= records[k + 5]! && records[k + 5]! <= part.length).toBe(true);
      const ctx: CellContext = { sharedStrings: ["a"], dateStyles: new Set(), date1904: false };
      const wants: SheetWants = { ranges: [], whole: true };
      const text = part.toString("utf8");
      expect(kept(sheetCellsOfRecords(part, records, wants, ctx))).toEqual(kept(await javascriptCells(text, wants, ctx)));
    }),
    { numRuns: 3000 },
  );
  expect(scanned).toBeGreaterThan(100);
});

it("leaves to JavaScript each form it does not read", () => {
  const sheet = (data: string, tail = "") => Buffer.from(`<worksheet><sheetData>${data}</sheetData>${tail}</worksheet>`);
  const plain = sheet('<row r="1"><c r="A1" s="2" t="s"><v>3</v></c><c><v>4.5</v></c></row>');
  const at = (text: string) => plain.indexOf(text);
  // row, column, style, type (1: "s"), and where the <v> text starts and ends
  expect(scanner(plain)).toEqual(Int32Array.of(0, 0, 2, 1, at("3</v>"), at("3</v>") + 1, 0, 1, 0, 0, at("4.5"), at("4.5") + 3));
  for (const odd of [
    '<c r="A1"><f>1+1</f><v>2</v></c>',
    '<c r="A1" t="inlineStr"><is><t>x</t></is></c>',
    '<c r="A1"><v>a &amp; b</v></c>',
    '<c r="A1" t="str"><v>é</v></c>',
    '<c r="A1"><v><![CDATA[1]]></v></c>',
    "<c r=A1><v>1</v></c>",
    '<c r="A0"><v>1</v></c>',
    '<c r="A1" t="date"><v>1</v></c>',
    '<c r="A1" s="x"><v>1</v></c>',
    '<x:c r="A1"><x:v>1</x:v></x:c>',
    '<c r="A1"><v>1</v>',
    '<row r="0"/>',
  ])
    expect([odd, scanner(sheet(odd))]).toEqual([odd, null]);
  expect(scanner(sheet('<row r="1"><c r="A1"><v>1</v></c></row>', '<mergeCells><mergeCell ref="A1:B1"/></mergeCells>'))).toBeNull();
});

it("refuses anything but one Uint8Array with a TypeError", () => {
  expect(() => (scanner as unknown as (...a: unknown[]) => unknown)("<worksheet/>")).toThrow(expect.objectContaining({ name: "TypeError", message: "scanSheetCells: one Uint8Array expected" }));
  expect(() => (scanner as unknown as (...a: unknown[]) => unknown)()).toThrow(expect.objectContaining({ name: "TypeError" }));
});

const CORPUS = [SAMPLE_XLSX, ...["reading", "valid"].flatMap((d) => readdirSync(join(__dirname, "../fixtures", d)).filter((f) => f.endsWith(".xlsx")).map((f) => join(__dirname, "../fixtures", d, f)))];

it.each(CORPUS.map((f) => [f.slice(f.lastIndexOf("fixtures") >= 0 ? f.lastIndexOf("fixtures") : f.lastIndexOf("/")), f] as const))("%s reads to the same grids with the native scanner", async (_name, file) => {
  let scanned = 0;
  const counting: SheetCellScanner = (part) => {
    const records = scanner(part);
    if (records) scanned++;
    return records;
  };
  expect(await readWorkbookFile(file, { sheetScanner: counting })).toEqual(await readWorkbookFile(file));
  if (file === SAMPLE_XLSX) expect(scanned).toBeGreaterThan(0);
});
