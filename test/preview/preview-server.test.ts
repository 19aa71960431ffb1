import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createPreviewServer, OFFICE_JS_PATH } from "../../scripts/preview/preview-server";
import { resolveUnder } from "../../scripts/preview/serve-static";

describe("resolveUnder", () => {
  it("keeps paths inside the root", () => {
    expect(resolveUnder("/srv/dist", "/taskpane.html")).toBe("/srv/dist/taskpane.html");
    expect(resolveUnder("/srv/dist", "/assets/icon-16.png?x=1")).toBe("/srv/dist/assets/icon-16.png");
    expect(resolveUnder("/srv/dist", "/../secret")).toBeUndefined();
    expect(resolveUnder("/srv/dist", "/%2e%2e/secret")).toBeUndefined();
    expect(resolveUnder("/srv/dist", "/%E0%A4%A")).toBeUndefined();
  });
});

describe("preview server", () => {
  let server: Server;
  let base: string;
  beforeAll(async () => {
    const root = mkdtempSync(join(tmpdir(), "sctvm-preview-"));
    for (const dir of ["dist", "standin", "page"]) mkdirSync(join(root, dir));
    writeFileSync(join(root, "dist/taskpane.html"), '<script src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"></script>');
    writeFileSync(join(root, "dist/taskpane.js"), "pane();");
    writeFileSync(join(root, "standin/standin-office.js"), "standin();");
    writeFileSync(join(root, "page/preview.html"), "<p>preview</p>");
    server = createPreviewServer({ distDir: join(root, "dist"), standinDir: join(root, "standin"), pageDir: join(root, "page"), workbookJson: async () => '{"version":1,"sheets":[]}' });
    await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((done) => server.close(() => done())));

  const get = async (path: string): Promise<[number, string, string]> => {
    const res = await fetch(base + path);
    return [res.status, res.headers.get("content-type") ?? "", await res.text()];
  };

  it("loads office.js from the stand-in on the same origin", async () => {
    expect(await get("/taskpane.html")).toEqual([200, "text/html; charset=utf-8", `<script src="${OFFICE_JS_PATH}"></script>`]);
    expect(await get(OFFICE_JS_PATH)).toEqual([200, "text/javascript; charset=utf-8", "standin();"]);
  });

  it("serves the build, the workbook JSON and the preview page; nothing else", async () => {
    expect((await get("/taskpane.js"))[2]).toBe("pane();");
    expect((await get("/standin/workbook.json"))[2]).toBe('{"version":1,"sheets":[]}');
    expect((await get("/"))[2]).toBe("<p>preview</p>");
    expect((await get("/nope.js"))[0]).toBe(404);
  });
});
