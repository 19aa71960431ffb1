/**
 * @jest-environment jsdom
 *
 * The add-in manifest, checked offline: `office-addin-manifest validate` needs Microsoft's
 * online service, so this reads it with `readManifestFile` and checks its structure.
 * `readManifestFile` runs in a child Node process: the package pulls in ES modules
 * (@microsoft/app-manifest, uuid) that Node 20 requires natively but Jest's runtime cannot.
 */
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import type { ManifestInfo } from "office-addin-manifest";

const ROOT = resolve(__dirname, "..");
const MANIFEST = resolve(ROOT, "manifest.xml");
const BT = "http://schemas.microsoft.com/office/officeappbasictypes/1.0";
const XSI = "http://www.w3.org/2001/XMLSchema-instance";
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

async function readManifestInfo(path: string): Promise<ManifestInfo> {
  const script =
    "require('office-addin-manifest').OfficeAddinManifest.readManifestFile(process.argv[1])" +
    ".then((m) => process.stdout.write(JSON.stringify(m)), (e) => { console.error(String(e)); process.exit(1); })";
  const { stdout } = await promisify(execFile)(process.execPath, ["-e", script, path], { cwd: ROOT });
  return JSON.parse(stdout) as ManifestInfo;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { productionManifest } = require("../scripts/production-manifest") as { productionManifest: (xml: string, url: string, support?: string) => string };
const PRODUCTION_BASE = "https://addins.example.org/sctvm";
const DEV_XML = readFileSync(MANIFEST, "utf8");
const PRODUCTION_XML = productionManifest(DEV_XML, `${PRODUCTION_BASE}/`);

let xmlUnderTest = DEV_XML;

function parseManifest(): Document {
  const doc = new DOMParser().parseFromString(xmlUnderTest, "application/xml");
  expect(doc.getElementsByTagName("parsererror")).toHaveLength(0);
  return doc;
}

function all(doc: Document, localName: string): Element[] {
  return Array.from(doc.getElementsByTagNameNS("*", localName));
}

/** The resource ids each resource section defines. */
function resourceIds(doc: Document): Set<string> {
  const ids = new Set<string>();
  for (const section of ["Images", "Urls", "ShortStrings", "LongStrings"]) {
    for (const container of Array.from(doc.getElementsByTagNameNS(BT, section))) {
      for (const item of Array.from(container.children)) ids.add(item.getAttribute("id") ?? "");
    }
  }
  return ids;
}

const VARIANTS: [string, string, string][] = [
  ["manifest.xml (development)", DEV_XML, "https://localhost:3000"],
  ["the production manifest of `npm run build -- --env url=…`", PRODUCTION_XML, PRODUCTION_BASE],
];

describe.each(VARIANTS)("%s", (_name, xml, base) => {
  beforeAll(() => {
    xmlUnderTest = xml;
  });

  it("reads offline with office-addin-manifest as an Excel task pane add-in", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sctvm-manifest-"));
    const file = join(dir, "manifest.xml");
    writeFileSync(file, xml);
    const info = await readManifestInfo(file).finally(() => rmSync(dir, { recursive: true, force: true }));
    expect(info.officeAppType).toBe("TaskPaneApp");
    expect(info.id).toMatch(GUID);
    expect(info.hosts).toEqual(["Workbook"]);
    expect(info.permissions).toBe("ReadWriteDocument");
    expect(info.defaultSettings?.sourceLocation).toBe(`${base}/taskpane.html`);
  });

  it("has a fixed GUID id, one Workbook host and ReadWriteDocument", () => {
    const doc = parseManifest();
    const root = doc.documentElement;
    expect(root.getAttributeNS(XSI, "type")).toBe("TaskPaneApp");
    expect(all(doc, "Id")[0]?.textContent?.trim()).toBe("412366fb-bf96-4c95-95e8-e6998b8a211b");
    const hosts = all(doc, "Host").filter((h) => h.parentElement?.parentElement === root);
    expect(hosts.map((h) => h.getAttribute("Name"))).toEqual(["Workbook"]);
    expect(all(doc, "Permissions")[0]?.textContent).toBe("ReadWriteDocument");
  });

  it("uses https URLs everywhere", () => {
    const doc = parseManifest();
    const urls = all(doc, "*")
      .flatMap((e) => [e.getAttribute("DefaultValue") ?? "", e.localName === "AppDomain" ? (e.textContent ?? "") : ""])
      .filter((v) => /^[a-z]+:\/\//i.test(v));
    expect(urls.length).toBeGreaterThan(5);
    for (const url of urls) expect(url).toMatch(/^https:\/\//);
  });

  it("resolves every resid and defines every resource once", () => {
    const doc = parseManifest();
    const ids = resourceIds(doc);
    const defined = all(doc, "*").filter((e) => e.namespaceURI === BT && e.hasAttribute("id")).map((e) => e.getAttribute("id"));
    expect(new Set(defined).size).toBe(defined.length);
    const used = all(doc, "*").flatMap((e) => (e.hasAttribute("resid") ? [e.getAttribute("resid") ?? ""] : []));
    expect(used.length).toBeGreaterThan(10);
    for (const resid of used) expect(ids).toContain(resid);
    for (const id of ids) expect(used).toContain(id);
  });

  it("has a Capacity model group with Open pane, Validate and Compute", () => {
    const doc = parseManifest();
    const label = (resid: string | null | undefined): string | null | undefined =>
      doc.querySelector(`[id="${resid ?? ""}"]`)?.getAttribute("DefaultValue");
    const group = all(doc, "Group")[0];
    expect(label(group?.querySelector(":scope > Label")?.getAttribute("resid"))).toBe("Capacity model");
    const controls = all(doc, "Control").map((c) => ({
      label: label(c.querySelector(":scope > Label")?.getAttribute("resid")),
      action: c.querySelector(":scope > Action")?.getAttributeNS(XSI, "type"),
      fn: c.querySelector("FunctionName")?.textContent,
    }));
    expect(controls).toEqual([
      { label: "Open pane", action: "ShowTaskpane", fn: undefined },
      { label: "Validate", action: "ExecuteFunction", fn: "validateModel" },
      { label: "Compute", action: "ExecuteFunction", fn: "computeModel" },
    ]);
    expect(label(all(doc, "FunctionFile")[0]?.getAttribute("resid"))).toBe(`${base}/commands.html`);
  });

  it("points at icons that exist in assets/", () => {
    const doc = parseManifest();
    const icons = all(doc, "*")
      .map((e) => e.getAttribute("DefaultValue") ?? "")
      .filter((v) => v.endsWith(".png"));
    expect(icons.length).toBeGreaterThan(3);
    for (const url of icons) {
      expect(url.startsWith(`${base}/assets/`)).toBe(true);
      expect(existsSync(resolve(ROOT, url.slice(base.length + 1)))).toBe(true);
    }
    for (const size of [16, 32, 64, 80, 128]) {
      const png = readFileSync(resolve(ROOT, `assets/icon-${size}.png`));
      expect(png.subarray(1, 4).toString("ascii")).toBe("PNG");
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
    }
  });
});

describe("the production manifest", () => {
  it("has no localhost left, its AppDomain is the deployment's origin and SupportUrl a real support page", () => {
    expect(PRODUCTION_XML).not.toMatch(/localhost|127\.0\.0\.1/);
    expect(PRODUCTION_XML).toContain("<AppDomain>https://addins.example.org</AppDomain>");
    expect(PRODUCTION_XML).toContain(`<SupportUrl DefaultValue="${PRODUCTION_BASE}/support.html"/>`);
    expect(existsSync(resolve(ROOT, "src/support/support.html"))).toBe(true);
    expect(productionManifest(DEV_XML, PRODUCTION_BASE, "https://help.example.org/sctvm")).toContain('<SupportUrl DefaultValue="https://help.example.org/sctvm"/>');
  });

  it("refuses a base URL that is not https, is local, or has a query", () => {
    expect(() => productionManifest(DEV_XML, "http://addins.example.org")).toThrow(/must use https/);
    expect(() => productionManifest(DEV_XML, "https://localhost:3000")).toThrow(/local address/);
    expect(() => productionManifest(DEV_XML, "https://addins.example.org/?x=1")).toThrow(/query/);
    expect(() => productionManifest(DEV_XML, "not a url")).toThrow(/is not a URL/);
  });

  it("is what webpack writes for `--env url=…` (the manifest's copy transform)", async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const config = (await (require("../webpack.config.js") as (env: object, argv: object) => Promise<{ plugins: unknown[] }>)({ url: PRODUCTION_BASE }, { mode: "production" })) as {
      plugins: { patterns?: { from: string; transform?: (content: Buffer) => string }[] }[];
    };
    const pattern = config.plugins.flatMap((p) => p.patterns ?? []).find((p) => p.from === "manifest.xml");
    expect(pattern?.transform?.(Buffer.from(DEV_XML))).toBe(PRODUCTION_XML);
    const dev = (await (require("../webpack.config.js") as (env: object, argv: object) => Promise<unknown>)({}, { mode: "production" })) as typeof config;
    expect(dev.plugins.flatMap((p) => p.patterns ?? []).find((p) => p.from === "manifest.xml")?.transform?.(Buffer.from(DEV_XML))).toBe(DEV_XML);
  });

  it("says in the Validate tooltip what Validate does (it writes no Issues sheet)", () => {
    const tooltip = /<bt:String id="Validate.Tooltip" DefaultValue="([^"]*)"/.exec(DEV_XML)?.[1] ?? "";
    expect(tooltip).toContain("selects the cell of the first issue");
    expect(tooltip).not.toMatch(/on the sctvm Issues sheet/);
  });
});
