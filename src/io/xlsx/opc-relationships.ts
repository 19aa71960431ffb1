import { attribute, parseXml } from "./xml-events";

/** One relationship of a part, its target resolved to a part name (no leading slash). */
export interface Relationship {
  readonly id: string;
  /** The relationship type's last segment: `worksheet`, `table`, `sharedStrings`, `styles`, `officeDocument` … */
  readonly kind: string;
  readonly partName: string;
}

/**
 * The relationships part of a part, as OPC names it: `xl/workbook.xml` ->
 * `xl/_rels/workbook.xml.rels`; the package's own is `_rels/.rels` (source "").
 */
export function relationshipsPartOf(partName: string): string {
  const slash = partName.lastIndexOf("/");
  return `${partName.slice(0, slash + 1)}_rels/${partName.slice(slash + 1)}.rels`;
}

/**
 * A relationship target as a part name, per the Open Packaging Conventions: an absolute
 * target (`/xl/tables/table1.xml`, as openpyxl writes) from the package root, a relative
 * one (`../tables/table1.xml`, as Excel writes) from the source part's folder.
 * @example resolveTarget("xl/worksheets/sheet1.xml", "../tables/table1.xml") // "xl/tables/table1.xml"
 * @example resolveTarget("xl/worksheets/sheet1.xml", "/xl/tables/table1.xml") // "xl/tables/table1.xml"
 */
export function resolveTarget(sourcePart: string, target: string): string {
  let decoded = target;
  try {
    decoded = decodeURIComponent(target);
  } catch {
    // Not percent-encoded after all: use it as written.
  }
  const path = decoded.split(/[?#]/)[0] ?? "";
  const base = path.startsWith("/") ? [] : sourcePart.split("/").slice(0, -1);
  const segments = [...base];
  for (const segment of path.replace(/\\/g, "/").split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") segments.pop();
    else segments.push(segment);
  }
  return segments.join("/");
}

/** Parses a relationships part; external targets (hyperlinks) are left out. */
export function parseRelationships(xml: string, sourcePart: string): Relationship[] {
  const found: Relationship[] = [];
  parseXml(xml, {
    open(name, attrs) {
      if (name !== "Relationship") return;
      const id = attribute(attrs, "Id");
      const type = attribute(attrs, "Type") ?? "";
      const target = attribute(attrs, "Target");
      if (id === undefined || target === undefined || /^external$/i.test(attribute(attrs, "TargetMode") ?? "")) return;
      found.push({ id, kind: type.slice(type.lastIndexOf("/") + 1), partName: resolveTarget(sourcePart, target) });
    },
  });
  return found;
}
