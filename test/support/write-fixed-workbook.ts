/**
 * Writes a workbook spec as an .xlsx whose bytes depend only on the spec: document
 * properties and zip entry times are pinned (as scripts/build-sample.ts does), and the
 * zip is compressed at the highest level so committed fixtures stay small.
 */
import { writeFileSync } from "node:fs";
import { buildWorkbook, type WorkbookSpec } from "./write-workbook";

const FIXED_TIME = new Date(Date.UTC(2021, 0, 1));
const AUTHOR = "sctvm scripts/build-fixtures.ts";

/**
 * @example await writeFixedWorkbook("test/fixtures/broken/x.xlsx", spec) // same bytes on every run
 */
export async function writeFixedWorkbook(path: string, spec: WorkbookSpec): Promise<void> {
  const workbook = buildWorkbook(spec);
  Object.assign(workbook, { creator: AUTHOR, lastModifiedBy: AUTHOR, created: FIXED_TIME, modified: FIXED_TIME });
  const bytes = await workbook.xlsx.writeBuffer({ zip: { compression: "DEFLATE", compressionOptions: { level: 9 } } });
  writeFileSync(path, pinZipTimestamps(Buffer.from(bytes), FIXED_TIME));
}

/** JSZip stamps each entry with the current time: overwrite it in local and central headers. */
export function pinZipTimestamps(zip: Buffer, when: Date): Buffer {
  const out = Buffer.from(zip);
  const dosDate = ((when.getUTCFullYear() - 1980) << 9) | ((when.getUTCMonth() + 1) << 5) | when.getUTCDate();
  let eocd = out.length - 22;
  while (eocd >= 0 && out.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error("xlsx: no zip end-of-central-directory record");
  let p = out.readUInt32LE(eocd + 16);
  for (let n = out.readUInt16LE(eocd + 10); n > 0; n--) {
    if (out.readUInt32LE(p) !== 0x02014b50) throw new Error("xlsx: bad zip central directory");
    const local = out.readUInt32LE(p + 42);
    out.writeUInt32LE(dosDate << 16, p + 12);
    out.writeUInt32LE(dosDate << 16, local + 10);
    p += 46 + out.readUInt16LE(p + 28) + out.readUInt16LE(p + 30) + out.readUInt16LE(p + 32);
  }
  return out;
}
