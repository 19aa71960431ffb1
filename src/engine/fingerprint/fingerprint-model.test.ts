import { createHash } from "node:crypto";
import fc from "fast-check";
import { analyseWorkbook } from "..";
import { buildGrids, grid, setCell, type Rows } from "../../../test/support/model-grids";
import { sha256Hex } from "./sha256";

describe("sha256Hex", () => {
  it("matches Node's crypto for any text, including non-ASCII", () => {
    fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 200 }), (s) => expect(sha256Hex(s)).toBe(createHash("sha256").update(s, "utf8").digest("hex"))), { numRuns: 300 });
    expect(sha256Hex("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  });
});

describe("model fingerprint", () => {
  const base = analyseWorkbook(buildGrids()).fingerprint;

  it("is identical whatever the layout: positions, sheets, column order, header case, blank rows, ISO dates", () => {
    const relaid = buildGrids((t) => {
      const v = t.Volumes as Rows;
      t.Volumes = v.map((r, i) => [r[4] ?? null, r[0] ?? null, r[2] ?? null, r[1] ?? null, r[3] ?? null].map((c) => (i === 0 && typeof c === "string" ? c.toUpperCase() : c)));
      (t.Volumes as Rows).splice(2, 0, [null, null, null, null, null]);
      setCell(t.Phases as Rows, 1, "StartDate", "2019-12-01");
    });
    const moved = { tables: relaid.tables.map((g) => grid(g.name, g.rows as Rows, { sheet: "All inputs", top: 10, left: 3 })), sheets: [] };
    expect(analyseWorkbook(moved).fingerprint).toBe(base);
  });

  it("is the same with an adapter's SHA-256 (the CLI lends node:crypto's) as with the engine's own", () => {
    const nodeSha256 = (text: string): string => createHash("sha256").update(text, "utf8").digest("hex");
    const lent: string[] = [];
    const withNode = analyseWorkbook(buildGrids(), { sha256: (t) => (lent.push(t), nodeSha256(t)) });
    expect(lent).toHaveLength(1);
    expect(withNode.fingerprint).toBe(base);
    expect(analyseWorkbook(buildGrids(), { sha256: () => "not a hash" }).fingerprint).toBe("not a hash");
  });

  it("changes when any value changes", () => {
    expect(analyseWorkbook(buildGrids((t) => setCell(t.Volumes as Rows, 1, "Population", 1001))).fingerprint).not.toBe(base);
    expect(analyseWorkbook(buildGrids((t) => setCell(t.Transactions as Rows, 1, "S1SP", 2))).fingerprint).not.toBe(base);
  });
});
