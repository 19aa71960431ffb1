import { attribute, parseXml } from "./xml-events";

/** What the workbook part says: its sheets in tab order and its date system. */
export interface WorkbookPart {
  readonly sheets: readonly { readonly name: string; readonly relationshipId: string }[];
  /** True for the 1904 date system (Excel for Mac before 2011 and files derived from them). */
  readonly date1904: boolean;
}

const isTrue = (value: string | undefined): boolean => value === "1" || value?.toLowerCase() === "true";

/** @example parseWorkbookPart('<workbook><sheets><sheet name="In" sheetId="1" r:id="rId1"/></sheets></workbook>') */
export function parseWorkbookPart(xml: string): WorkbookPart {
  const sheets: { name: string; relationshipId: string }[] = [];
  let date1904 = false;
  parseXml(xml, {
    open(name, attrs) {
      if (name === "sheet") {
        const sheetName = attribute(attrs, "name");
        const id = attribute(attrs, "id");
        if (sheetName !== undefined && id !== undefined) sheets.push({ name: sheetName, relationshipId: id });
      } else if (name === "workbookPr") {
        date1904 = isTrue(attribute(attrs, "date1904"));
      }
    },
  });
  return { sheets, date1904 };
}
