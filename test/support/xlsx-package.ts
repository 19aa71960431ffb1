/**
 * Hand-made .xlsx packages for reader tests: every part written out as XML, so a test can
 * state exactly what another program (openpyxl, LibreOffice, a Strict-mode Excel save, a
 * generator) puts in the file. `zipParts` zips any set of parts; `lieAboutSize` rewrites
 * a part's declared size (for zip-bomb tests).
 */
import { strToU8, zipSync } from "fflate";

export interface PackageSheet {
  readonly name: string;
  /** The `<sheetData>` content (rows and cells). */
  readonly rows: string;
  /** Extra elements after sheetData (`<mergeCells>` …). */
  readonly after?: string;
  /** Table parts of this sheet (their whole XML). */
  readonly tables?: readonly string[];
}

export interface PackageSpec {
  readonly sheets: readonly PackageSheet[];
  readonly sharedStrings?: readonly string[];
  /** The `<si>` items as raw XML, when rich text or phonetic runs are wanted. */
  readonly sharedStringItems?: readonly string[];
  /** cellXfs `numFmtId`s, index = style `s`; custom formats as [id, code]. */
  readonly styles?: { readonly xfs: readonly number[]; readonly numFmts?: readonly (readonly [number, string])[] };
  readonly date1904?: boolean;
  /** Absolute relationship targets (`/xl/...`) as openpyxl writes them. */
  readonly absoluteTargets?: boolean;
  /** Strict Open XML namespaces and relationship types, with an `x:` element prefix. */
  readonly strict?: boolean;
}

const NS = {
  transitional: {
    main: "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    rel: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  },
  strict: {
    main: "http://purl.oclc.org/ooxml/spreadsheetml/main",
    rel: "http://purl.oclc.org/ooxml/officeDocument/relationships",
  },
};
const PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";

export const escapeXml = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** The parts of a workbook built from `spec`, by part name. */
export function packageParts(spec: PackageSpec): Record<string, string> {
  const ns = spec.strict ? NS.strict : NS.transitional;
  const p = spec.strict ? "x:" : "";
  const xmlns = spec.strict ? `xmlns:x="${ns.main}"` : `xmlns="${ns.main}"`;
  const target = (relative: string, absolute: string): string => (spec.absoluteTargets ? absolute : relative);
  const rel = (id: string, kind: string, to: string): string => `<Relationship Id="${id}" Type="${ns.rel}/${kind}" Target="${to}"/>`;
  const parts: Record<string, string> = {};
  const types: string[] = [];
  parts["_rels/.rels"] = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_REL}">${rel("rId1", "officeDocument", target("xl/workbook.xml", "/xl/workbook.xml"))}</Relationships>`;
  const wbRels: string[] = [];
  const sheetEls: string[] = [];
  let tableNo = 0;
  spec.sheets.forEach((sheet, i) => {
    const n = i + 1;
    wbRels.push(rel(`rId${n}`, "worksheet", target(`worksheets/sheet${n}.xml`, `/xl/worksheets/sheet${n}.xml`)));
    sheetEls.push(`<${p}sheet name="${escapeXml(sheet.name)}" sheetId="${n}" r:id="rId${n}"/>`);
    const tableRels: string[] = [];
    const tableParts: string[] = [];
    (sheet.tables ?? []).forEach((xml, j) => {
      tableNo++;
      parts[`xl/tables/table${tableNo}.xml`] = xml;
      tableRels.push(rel(`rId${j + 1}`, "table", target(`../tables/table${tableNo}.xml`, `/xl/tables/table${tableNo}.xml`)));
      tableParts.push(`<${p}tablePart r:id="rId${j + 1}"/>`);
      types.push(`<Override PartName="/xl/tables/table${tableNo}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml"/>`);
    });
    const tablePartsEl = tableParts.length ? `<${p}tableParts count="${tableParts.length}">${tableParts.join("")}</${p}tableParts>` : "";
    parts[`xl/worksheets/sheet${n}.xml`] =
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${p}worksheet ${xmlns} xmlns:r="${ns.rel}"><${p}sheetData>${sheet.rows}</${p}sheetData>${sheet.after ?? ""}${tablePartsEl}</${p}worksheet>`;
    if (tableRels.length) parts[`xl/worksheets/_rels/sheet${n}.xml.rels`] = `<Relationships xmlns="${PKG_REL}">${tableRels.join("")}</Relationships>`;
    types.push(`<Override PartName="/xl/worksheets/sheet${n}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`);
  });
  const items = spec.sharedStringItems ?? (spec.sharedStrings ?? []).map((s) => `<${p}si><${p}t xml:space="preserve">${escapeXml(s)}</${p}t></${p}si>`);
  if (items.length) {
    parts["xl/sharedStrings.xml"] = `<${p}sst ${xmlns} count="${items.length}" uniqueCount="${items.length}">${items.join("")}</${p}sst>`;
    wbRels.push(rel("rIdS", "sharedStrings", target("sharedStrings.xml", "/xl/sharedStrings.xml")));
  }
  if (spec.styles) {
    const fmts = (spec.styles.numFmts ?? []).map(([id, code]) => `<${p}numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`).join("");
    const xfs = spec.styles.xfs.map((id) => `<${p}xf numFmtId="${id}" fontId="0" fillId="0" borderId="0" xfId="0"/>`).join("");
    parts["xl/styles.xml"] =
      `<${p}styleSheet ${xmlns}>${fmts ? `<${p}numFmts>${fmts}</${p}numFmts>` : ""}<${p}cellStyleXfs count="1"><${p}xf numFmtId="14"/></${p}cellStyleXfs><${p}cellXfs count="${spec.styles.xfs.length}">${xfs}</${p}cellXfs></${p}styleSheet>`;
    wbRels.push(rel("rIdT", "styles", target("styles.xml", "/xl/styles.xml")));
  }
  parts["xl/workbook.xml"] =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${p}workbook ${xmlns} xmlns:r="${ns.rel}">${spec.date1904 ? `<${p}workbookPr date1904="1"/>` : ""}<${p}sheets>${sheetEls.join("")}</${p}sheets></${p}workbook>`;
  parts["xl/_rels/workbook.xml.rels"] = `<Relationships xmlns="${PKG_REL}">${wbRels.join("")}</Relationships>`;
  parts["[Content_Types].xml"] =
    `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${types.join("")}</Types>`;
  return parts;
}

/** Zips parts (deflated), in the order given. */
export function zipParts(parts: Record<string, string | Uint8Array>): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  for (const [name, content] of Object.entries(parts)) files[name] = typeof content === "string" ? strToU8(content) : content;
  return zipSync(files, { level: 6, mtime: new Date(Date.UTC(2021, 0, 1)) });
}

/** A table part. `ref` includes header and totals rows. */
export function tableXml(name: string, ref: string, columns: readonly string[], opts: { headerRowCount?: number; totalsRowCount?: number; strict?: boolean } = {}): string {
  const main = opts.strict ? NS.strict.main : NS.transitional.main;
  const extra = `${opts.headerRowCount !== undefined ? ` headerRowCount="${opts.headerRowCount}"` : ""}${opts.totalsRowCount ? ` totalsRowCount="${opts.totalsRowCount}"` : ""}`;
  const cols = columns.map((c, i) => `<tableColumn id="${i + 1}" name="${escapeXml(c)}"/>`).join("");
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<table xmlns="${main}" id="1" name="${name}" displayName="${name}" ref="${ref}"${extra}><tableColumns count="${columns.length}">${cols}</tableColumns></table>`;
}

/**
 * Rewrites the declared uncompressed size of one part in both its local header and the
 * central directory (a zip whose headers lie, as a crafted zip bomb's do).
 */
export function lieAboutSize(zip: Uint8Array, partName: string, size: number): Uint8Array {
  const out = Uint8Array.from(zip);
  const view = new DataView(out.buffer);
  const name = strToU8(partName);
  const matches = (at: number, nameAt: number): boolean => name.every((b, i) => out[nameAt + i] === b);
  for (let i = 0; i + 46 < out.length; i++) {
    const sig = view.getUint32(i, true);
    if (sig === 0x04034b50 && view.getUint16(i + 26, true) === name.length && matches(i, i + 30)) view.setUint32(i + 22, size, true);
    if (sig === 0x02014b50 && view.getUint16(i + 28, true) === name.length && matches(i, i + 46)) view.setUint32(i + 24, size, true);
  }
  return out;
}
