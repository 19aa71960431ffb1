/**
 * The add-in's packaging scripts, as in Microsoft's Office-Addin-TaskPane template:
 * office-addin-debugging pinned, start:desktop / start:web / stop over manifest.xml, and
 * the online manifest check as `npm run validate`.
 */
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { promisify } from "node:util";

const ROOT = resolve(__dirname, "..");
const pkg = JSON.parse(readFileSync(resolve(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string>; devDependencies: Record<string, string> };

describe("package.json scripts for Excel", () => {
  it("pins office-addin-debugging to an exact version", () => {
    expect(pkg.devDependencies["office-addin-debugging"]).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it("has start:desktop, start:web and stop as Microsoft's template has them, and validate online", () => {
    expect(pkg.scripts["start:desktop"]).toBe("office-addin-debugging start manifest.xml desktop");
    expect(pkg.scripts["start:web"]).toBe("office-addin-debugging start manifest.xml web");
    expect(pkg.scripts["stop"]).toBe("office-addin-debugging stop manifest.xml");
    expect(pkg.scripts["validate"]).toBe("office-addin-manifest validate manifest.xml");
  });

  it("installs an office-addin-debugging that offers those commands (checked offline, through its help)", async () => {
    const cli = require.resolve("office-addin-debugging/cli.js", { paths: [ROOT] });
    const { stdout } = await promisify(execFile)(process.execPath, [cli, "--help"], { cwd: ROOT, timeout: 60_000 });
    expect(stdout).toMatch(/start \[options\] <manifest-path> \[platform\]/);
    expect(stdout).toMatch(/stop \[options\] <manifest-path> \[platform\]/);
  });
});
