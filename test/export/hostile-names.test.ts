/**
 * Names from a workbook reach generated files only as escaped literals: a model whose phase,
 * provider, transaction and model names are hostile exports files that still parse in their
 * own language, with the same token structure as a model with plain names, and with every
 * name read back intact from its literal.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { parseAllDocuments } from "yaml";
import { analyseWorkbook, type CellValue } from "../../src/engine";
import { buildExports, EXPORT_FORMATS, parseExportOptions, type ExportResult } from "../../src/export";
import { jsSyntaxErrors, jsTokens, typeCheckJs } from "../support/check-generated";
import { buildGrids, type Rows } from "../support/model-grids";
import { parseCsv } from "../support/parse-csv";
import { DEBIAN_PYTHON } from "../support/debian-python";

jest.setTimeout(120_000);

const LONG = `x${"\u00e9\"'`\\".repeat(2500)}y`; // 10,002 characters
export const HOSTILE_TRANSACTIONS = [
  `double " single ' back \` quotes`,
  "back\\slash \\n \\u0041 \\",
  "new\nline and\r\ncarriage\rreturn and\ttab",
  "${process.exit(1)} #{session} %{x} {{ vars }} ${__groovy(System.exit(1))}",
  `triple """ and ''' quotes`,
  "</script><script>alert(1)</script>",
  "]]> <!-- -- --> <![CDATA[ x ]]>",
  "=cmd|' /C calc'!A0",
  "+1-2", "-1+2", "@SUM(A1)",
  "line\u2028sep\u2029para and emoji \u{1F600} and caf\u00e9",
  "a,b;c|d & e > f < g",
  LONG,
];
const HOSTILE = {
  phase: `I"O'C\\ \${x} </script> ]]> =1+1`,
  provider: `S1"SP' \\ \n\${a} """ ]]>`,
  model: `=cmd|' /C calc'!A0 "model" \n ${LONG.slice(0, 50)}`,
  version: "1\"0'\\\n${v}",
  transactions: HOSTILE_TRANSACTIONS,
};
const PLAIN = {
  phase: "IOC",
  provider: "S1SP",
  model: "Plain",
  version: "1",
  transactions: HOSTILE_TRANSACTIONS.map((_, i) => `Tx${i}`),
};

function exportModel(names: typeof PLAIN): ExportResult {
  const rename = (v: CellValue): CellValue => (v === "IOC" ? names.phase : v === "S1SP" ? names.provider : v);
  const grids = buildGrids((t) => {
    for (const key of ["Phases", "Volumes", "PerformanceLevels", "Providers"]) t[key] = (t[key] as Rows).map((row) => row.map(rename));
    const tx = (t.Transactions as Rows).map((row) => row.map(rename));
    // Only the hostile transactions, each routed to both providers, flat over the day.
    t.Transactions = [tx[0] as CellValue[], ...names.transactions.map((name) => [name, "All", "Traffic", 1, "Flat", 1, 1, "d"] as CellValue[])];
    t.Overrides = [["DMC", "Transaction", "Rate"]];
    t.Settings = (t.Settings as Rows).map((row) => (row[0] === "ModelName" ? [row[0], names.model] : row[0] === "ModelVersion" ? [row[0], names.version] : row));
  });
  const a = analyseWorkbook(grids);
  if (!a.model || !a.results) throw new Error(`model errors: ${a.issues.map((i) => `${i.code} ${i.message}`).join("; ")}`);
  const parsed = parseExportOptions({ hours: "0-3", shape: "ramp", engines: "2" });
  if (!parsed.ok) throw new Error("options");
  const out = buildExports({ model: a.model, results: a.results, fingerprint: a.fingerprint ?? "", phase: names.phase, provider: names.provider, formats: EXPORT_FORMATS, options: parsed.options });
  if (!out.ok) throw new Error(out.error);
  return out.result;
}

let hostile: ExportResult;
let plain: ExportResult;
let dir: string;
const text = (r: ExportResult, suffix: string): string => r.files.find((f) => f.name.endsWith(suffix))?.text ?? "";
const seriesNames = (): string[] => HOSTILE_TRANSACTIONS.map((t) => `${HOSTILE.provider}/${t}`);

beforeAll(() => {
  hostile = exportModel(HOSTILE);
  plain = exportModel(PLAIN);
  dir = mkdtempSync(join(tmpdir(), "sctvm-hostile-"));
  for (const f of hostile.files) writeFileSync(join(dir, f.name), f.text);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("hostile names", () => {
  it("export the same set of files as plain names, under sanitised file names", () => {
    expect(hostile.files.map((f) => f.name.replace(/^[^.]*/, ""))).toEqual(plain.files.map((f) => f.name.replace(/^[^.]*/, "")));
    for (const f of hostile.files) expect(f.name).toMatch(/^[A-Za-z0-9_][A-Za-z0-9._-]*$/);
    expect(hostile.schedules[0]?.series.map((s) => s.name)).toEqual(seriesNames());
  });

  it("JSON: parses and carries every name exactly", () => {
    const doc = JSON.parse(text(hostile, ".json")) as { model: { name: string; version: string }; phase: string; provider: string; series: { name: string; transaction: string; url: string }[] };
    expect([doc.model.name, doc.model.version, doc.phase, doc.provider]).toEqual([HOSTILE.model, HOSTILE.version, HOSTILE.phase, HOSTILE.provider]);
    expect(doc.series.map((s) => s.transaction)).toEqual(HOSTILE_TRANSACTIONS);
    for (const s of doc.series) expect(decodeURIComponent(s.url.split("/").at(-1) ?? "")).toBe(s.transaction);
  });

  it("CSV: same shape as plain names, no cell a spreadsheet would run as a formula", () => {
    const rows = parseCsv(text(hostile, ".csv"));
    const plainRows = parseCsv(text(plain, ".csv"));
    expect(rows.map((r) => r.length)).toEqual(plainRows.map((r) => r.length));
    for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    const shown = new Set(rows.slice(1).map((r) => r[2]));
    for (const t of HOSTILE_TRANSACTIONS) expect(shown.has(/^[=+\-@\t\r]/.test(t) ? `'${t}` : t)).toBe(true);
  });

  it.each([".k6.js", ".gatling.js", ".artillery.js"])("JavaScript %s: parses, same tokens as plain names, every name intact in a literal", (suffix) => {
    const js = text(hostile, suffix);
    expect(jsSyntaxErrors(js)).toEqual([]);
    const h = jsTokens(js);
    expect(h.kinds).toEqual(jsTokens(text(plain, suffix)).kinds);
    const strings = suffix === ".gatling.js" ? h.strings.map((s) => s.replace(/\\#\{/g, "#{")) : h.strings;
    if (suffix !== ".artillery.js") for (const name of seriesNames()) expect(strings).toContain(name);
    expect(js).not.toMatch(/<\/script/i);
    expect(js).toMatch(/^[\x20-\x7e\n]*$/);
  });

  it("k6 and Gatling files still type-check", () => {
    expect(typeCheckJs([join(dir, hostile.files.find((f) => f.name.endsWith(".k6.js"))?.name ?? ""), join(dir, hostile.files.find((f) => f.name.endsWith(".gatling.js"))?.name ?? "")], ["k6"])).toEqual([]);
  });

  it("Python (Locust): parses, same tokens as plain names, every name intact in a literal", () => {
    const script = [
      "import ast, io, json, sys, tokenize",
      "src = open(sys.argv[1], encoding='utf-8').read()",
      "tree = ast.parse(src)",
      "kinds = [tokenize.tok_name[t.type] for t in tokenize.generate_tokens(io.StringIO(src).readline) if t.type not in (tokenize.COMMENT, tokenize.NL)]",
      "strings = [n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)]",
      "print(json.dumps({'kinds': kinds, 'strings': strings}))",
    ].join("\n");
    const run = (r: ExportResult): { kinds: string[]; strings: string[] } => {
      const file = join(dir, `check-${r === hostile ? "h" : "p"}.py`);
      writeFileSync(file, text(r, ".locustfile.py"));
      return JSON.parse(execFileSync(DEBIAN_PYTHON, ["-c", script, file], { encoding: "utf8", maxBuffer: 64 << 20 })) as { kinds: string[]; strings: string[] };
    };
    const h = run(hostile);
    expect(h.kinds).toEqual(run(plain).kinds);
    for (const name of seriesNames()) expect(h.strings).toContain(name);
  });

  it.each([".artillery.yml", ".k6-testrun.yaml"])("YAML %s: parses without errors, every name intact", (suffix) => {
    const docs = parseAllDocuments(text(hostile, suffix));
    expect(docs).toHaveLength(1);
    expect(docs[0]?.errors).toEqual([]);
    const value = docs[0]?.toJS() as { scenarios?: { flow: { get?: { name: string; url: string } }[] }[] };
    const plainValue = parseAllDocuments(text(plain, suffix))[0]?.toJS() as typeof value;
    const keys = (v: unknown): unknown => (Array.isArray(v) ? v.map(keys) : v && typeof v === "object" ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, keys(x)])) : typeof v);
    expect(keys(value)).toEqual(keys(plainValue));
    if (suffix === ".artillery.yml") {
      const names = value.scenarios?.[0]?.flow.flatMap((f) => (f.get ? [f.get.name] : []));
      expect(names).toEqual(seriesNames());
    }
  });

  it("XML (JMeter): well-formed, same elements as plain names, every label intact after JMeter's own unescaping", () => {
    const xml = text(hostile, ".jmx");
    expect(XMLValidator.validate(xml)).toBe(true);
    const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", preserveOrder: true, htmlEntities: true });
    const shape = (nodes: unknown): unknown =>
      Array.isArray(nodes) ? nodes.map(shape) : nodes && typeof nodes === "object" ? Object.keys(nodes).filter((k) => k !== ":@" && k !== "#text").map((k) => [k, shape((nodes as Record<string, unknown>)[k])]) : null;
    expect(shape(parser.parse(xml))).toEqual(shape(parser.parse(text(plain, ".jmx"))));
    const labels = [...xml.matchAll(/<HTTPSamplerProxy [^>]*testname="([^"]*)"/g)].map((m) => m[1] ?? "");
    const decoded = labels.map((l) => new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", htmlEntities: true }).parse(`<a t="${l}"/>`).a["@t"] as string);
    // JMeter compiles a string holding `\${` and drops the backslash before $ , and \.
    const unescaped = decoded.map((l) => (l.includes("${") ? l.replace(/\\([\\$,])/g, "$1") : l));
    expect(unescaped).toEqual(seriesNames());
  });
});
