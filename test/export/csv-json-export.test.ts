import { buildExports, EXPORT_FORMATS, parseExportOptions } from "../../src/export";
import { SCHEDULE_CSV_COLUMNS } from "../../src/export/csv/emit-csv";
import { parseCsv } from "../support/parse-csv";
import { loadSampleAnalysis } from "../taskpane/sample-analysis";

async function exportSample(raw: Parameters<typeof parseExportOptions>[0], provider?: string) {
  const { model, results, analysis } = await loadSampleAnalysis();
  const parsed = parseExportOptions(raw);
  if (!parsed.ok) throw new Error(parsed.errors.join("; "));
  const formats = EXPORT_FORMATS.filter((f) => f.id === "csv" || f.id === "json");
  const out = buildExports({ model, results, fingerprint: analysis.fingerprint ?? "", phase: "FOC", provider, formats, options: parsed.options });
  if (!out.ok) throw new Error(out.error);
  return out.result;
}

describe("csv and json exports", () => {
  it("writes one csv and one json per provider with load, named <phase>_<provider>", async () => {
    const { model } = await loadSampleAnalysis();
    const r = await exportSample({});
    expect(r.files.map((f) => f.name)).toEqual(r.schedules.flatMap((s) => [`FOC_${s.provider}.csv`, `FOC_${s.provider}.json`]));
    expect(r.schedules.map((s) => s.provider)).toEqual(model.providers.map((p) => p.name).filter((p) => r.schedules.some((s) => s.provider === p)));
    expect(r.schedules.length).toBeGreaterThan(1);
  });

  it("the json is the versioned load profile whose counts add up to its totals", async () => {
    const r = await exportSample({ hours: "22-2", shape: "ramp", secondsPerHour: "10" }, "S1SP");
    const doc = JSON.parse(r.files.find((f) => f.name.endsWith(".json"))?.text ?? "") as {
      format: string; version: number; model: { fingerprint: string }; options: { hours: unknown };
      totals: { expectedCount: number; steps: number; series: number; durationSeconds: number };
      steps: { hour: number }[]; series: { name: string; rates: { expectedCount: number }[] }[];
    };
    expect([doc.format, doc.version]).toEqual(["sctvm-load-profile", 1]);
    expect(doc.model.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(doc.options.hours).toEqual({ from: 22, to: 2 });
    expect(doc.steps.map((s) => s.hour)).toEqual([22, 22, 23, 23, 0, 0, 1, 1, 2, 2]);
    expect([doc.totals.steps, doc.totals.series, doc.totals.durationSeconds]).toEqual([10, doc.series.length, 50]);
    const sum = doc.series.reduce((a, s) => a + s.rates.reduce((b, x) => b + x.expectedCount, 0), 0);
    expect(sum).toBeCloseTo(doc.totals.expectedCount, 6);
    for (const s of doc.series) expect(s.name.startsWith("S1SP/")).toBe(true);
  });

  it("the csv has one row per series and step, with the json's figures", async () => {
    const r = await exportSample({ hours: "0-3" }, "S1SP");
    const [header, ...rows] = parseCsv(r.files.find((f) => f.name.endsWith(".csv"))?.text ?? "");
    expect(header).toEqual([...SCHEDULE_CSV_COLUMNS]);
    const s = r.schedules[0];
    if (!s) throw new Error("no schedule");
    expect(rows).toHaveLength(s.series.length * 4);
    const total = rows.reduce((a, row) => a + Number(row[8]), 0);
    expect(total).toBeCloseTo(s.totals.expectedCount, 6);
    expect(rows[0]?.slice(0, 5)).toEqual(["FOC", "S1SP", s.series[0]?.transaction, s.series[0]?.stream, "0"]);
  });

  it("refuses an unknown phase or provider with the names it knows", async () => {
    const { model, results, analysis } = await loadSampleAnalysis();
    const parsed = parseExportOptions({});
    if (!parsed.ok) throw new Error("options");
    const base = { model, results, fingerprint: analysis.fingerprint ?? "", formats: EXPORT_FORMATS, options: parsed.options };
    expect(buildExports({ ...base, phase: "XOC" })).toEqual({ ok: false, error: expect.stringContaining("no phase 'XOC' in the model; phases: IOC, MOC, FOC") });
    expect(buildExports({ ...base, phase: "moc", provider: "nope" })).toEqual({ ok: false, error: expect.stringContaining("no provider 'nope'") });
  });

  it("parses options and reports every bad one", () => {
    const good = parseExportOptions({ hours: "22-2", scale: "1.5", target: "http://h:1/x/", engines: "3" });
    expect(good.ok && [good.options.hours, good.options.scale, good.options.target, good.options.engines]).toEqual([{ from: 22, to: 2 }, 1.5, "http://h:1/x", 3]);
    const bad = parseExportOptions({ hours: "25-1", secondsPerHour: "0", scale: "x", shape: "sine", engines: "1.5", target: "ftp://h", responseTimeSeconds: "-1" });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors.map((e) => e.split(" ")[0])).toEqual(["--hours", "--seconds-per-hour", "--scale", "--response-time-s", "--engines", "--shape", "--target"]);
  });
});
