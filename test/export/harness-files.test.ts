/**
 * The exported k6, Gatling and JMeter files, checked by structure and types (those harnesses
 * cannot run here): type checks against @types/k6 and Gatling's JS SDK types, the scripts
 * loaded with stub modules to read back the load they would offer, the JMX parsed as XML.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { parse as parseYaml } from "yaml";
import type { Schedule } from "../../src/engine";
import { buildExports, EXPORT_FORMATS, parseExportOptions, type ExportResult } from "../../src/export";
import { loadModule, typeCheckJs } from "../support/check-generated";
import { loadSampleAnalysis } from "../taskpane/sample-analysis";

jest.setTimeout(120_000);

const CASES = [
  { label: "step, real time", raw: {} },
  { label: "ramp, burst, 22-2, 60 s per hour, 3 engines", raw: { hours: "22-2", secondsPerHour: "60", burst: true, shape: "ramp", engines: "3", scale: "0.5" } },
] as const;

let exports_: { label: string; result: ExportResult; schedule: Schedule; dir: string }[] = [];

beforeAll(async () => {
  const { model, results, analysis } = await loadSampleAnalysis();
  exports_ = CASES.map((c) => {
    const parsed = parseExportOptions(c.raw);
    if (!parsed.ok) throw new Error(parsed.errors.join("; "));
    const out = buildExports({ model, results, fingerprint: analysis.fingerprint ?? "", phase: "FOC", provider: "S1SP", formats: EXPORT_FORMATS, options: parsed.options });
    if (!out.ok) throw new Error(out.error);
    const dir = mkdtempSync(join(tmpdir(), "sctvm-files-"));
    for (const f of out.result.files) writeFileSync(join(dir, f.name), f.text);
    return { label: c.label, result: out.result, schedule: out.result.schedules[0] as Schedule, dir };
  });
});
afterAll(() => exports_.forEach((e) => rmSync(e.dir, { recursive: true, force: true })));

const fileOf = (e: (typeof exports_)[number], suffix: string): { path: string; text: string } => {
  const f = e.result.files.find((x) => x.name.endsWith(suffix));
  if (!f) throw new Error(`no ${suffix}`);
  return { path: join(e.dir, f.name), text: f.text };
};
const seriesTotal = (s: Schedule["series"][number]): number => s.rates.reduce((a, r) => a + r.expectedCount, 0);
const near = (a: number, b: number, share: number): boolean => Math.abs(a - b) <= share * Math.max(1, Math.abs(b));

describe("k6 export", () => {
  it("type-checks against @types/k6, and a misuse of the API would not", () => {
    const files = exports_.map((e) => fileOf(e, ".k6.js").path);
    expect(typeCheckJs(files, ["k6"])).toEqual([]);
    const broken = join(exports_[0]?.dir ?? "", "broken.k6.js");
    writeFileSync(broken, (exports_[0] ? fileOf(exports_[0], ".k6.js").text : "").replace("http.get(TARGET", "http.gett(TARGET"));
    expect(typeCheckJs([broken], ["k6"]).join("\n")).toMatch(/gett/);
  });

  it.each(CASES.map((c) => c.label))("offers each series its scheduled count within the printed rounding (%s)", (label) => {
    const e = exports_.find((x) => x.label === label);
    if (!e) throw new Error(label);
    const calls: unknown[] = [];
    const mod = loadModule(fileOf(e, ".k6.js").text, { "k6/http": { get: (...a: unknown[]) => calls.push(a) } });
    type Scenario = { executor: string; exec: string; timeUnit: string; startRate: number; stages: { target: number; duration: string }[]; preAllocatedVUs: number; maxVUs: number };
    const scenarios = Object.values((mod.options as { scenarios: Record<string, Scenario> }).scenarios);
    expect(scenarios).toHaveLength(e.schedule.series.length);
    const unit: Record<string, number> = { "1s": 1, "1m": 60, "1h": 3600 };
    const seconds = (d: string): number => (d.endsWith("ms") ? Number(d.slice(0, -2)) / 1000 : Number(d.slice(0, -1)));
    scenarios.forEach((sc, i) => {
      const series = e.schedule.series[i];
      if (!series) throw new Error("series");
      expect(sc.executor).toBe("ramping-arrival-rate");
      for (const st of sc.stages) expect(Number.isInteger(st.target)).toBe(true);
      let prev = sc.startRate;
      let total = 0;
      let duration = 0;
      for (const st of sc.stages) {
        total += ((prev + st.target) / 2 / (unit[sc.timeUnit] ?? NaN)) * seconds(st.duration);
        duration += seconds(st.duration);
        prev = st.target;
      }
      expect(duration).toBeCloseTo(e.schedule.totals.durationSeconds, 3);
      if (!near(total, seriesTotal(series), 0.01)) expect({ series: series.name, total }).toEqual({ series: series.name, total: seriesTotal(series) });
      (mod[sc.exec] as () => void)();
      expect(calls.at(-1)).toEqual([series.url, { tags: { name: series.name } }]);
      expect(sc.maxVUs).toBeGreaterThanOrEqual(sc.preAllocatedVUs);
    });
  });

  it("comes with a k6-operator TestRun whose parallelism is the engine count", () => {
    for (const e of exports_) {
      const doc = parseYaml(fileOf(e, ".k6-testrun.yaml").text) as { apiVersion: string; kind: string; spec: { parallelism: number; script: { configMap: { name: string; file: string } } } };
      expect([doc.apiVersion, doc.kind, doc.spec.parallelism]).toEqual(["k6.io/v1alpha1", "TestRun", e.schedule.options.engines]);
      expect(doc.spec.script.configMap.file).toBe("FOC_S1SP.k6.js");
      expect(doc.spec.script.configMap.name).toMatch(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/);
    }
  });
});

describe("Gatling export", () => {
  it("type-checks against Gatling's JS SDK types, and a misuse would not", () => {
    expect(typeCheckJs(exports_.map((e) => fileOf(e, ".gatling.js").path), [])).toEqual([]);
    const broken = join(exports_[0]?.dir ?? "", "broken.gatling.js");
    writeFileSync(broken, (exports_[0] ? fileOf(exports_[0], ".gatling.js").text : "").replace(".during(", ".lasting("));
    expect(typeCheckJs([broken], []).join("\n")).toMatch(/lasting/);
  });

  it.each(CASES.map((c) => c.label))("injects each series' scheduled count ÷ engines with fractional rates (%s)", (label) => {
    const e = exports_.find((x) => x.label === label);
    if (!e) throw new Error(label);
    const toSeconds = (d: number | { amount: number; unit: string }): number => (typeof d === "number" ? d : d.unit === "milliseconds" ? d.amount / 1000 : NaN);
    type Step = { users: number; seconds: number };
    const constantUsersPerSec = (r: number) => ({ during: (d: number) => ({ users: r * toSeconds(d), seconds: toSeconds(d) }) });
    const rampUsersPerSec = (a: number) => ({ to: (b: number) => ({ during: (d: number) => ({ users: ((a + b) / 2) * toSeconds(d), seconds: toSeconds(d) }) }) });
    const nothingFor = (d: number): Step => ({ users: 0, seconds: toSeconds(d) });
    const populations: { scenario: string; request: string; url: string; steps: Step[] }[] = [];
    const scenario = (name: string) => ({
      exec: (req: { name: string; url: string }) => ({ injectOpen: (...steps: Step[]) => populations.push({ scenario: name, request: req.name, url: req.url, steps }) }),
    });
    let baseUrl = "";
    const http = Object.assign((name: string) => ({ get: (url: string) => ({ name, url }) }), { baseUrl: (u: string) => ((baseUrl = u), u) });
    let body: ((setUp: (...p: unknown[]) => { protocols: (x: unknown) => void }) => void) | undefined;
    const simulation = (f: typeof body) => ((body = f), "sim");
    const mod = loadModule(fileOf(e, ".gatling.js").text, {
      "@gatling.io/core": { constantUsersPerSec, rampUsersPerSec, nothingFor, scenario, simulation },
      "@gatling.io/http": { http },
    });
    expect(mod.default).toBe("sim");
    body?.(() => ({ protocols: () => undefined }));
    expect(baseUrl).toBe(e.schedule.options.target);
    expect(populations.map((p) => p.scenario)).toEqual(e.schedule.series.map((s) => s.name));
    populations.forEach((p, i) => {
      const series = e.schedule.series[i];
      if (!series) throw new Error("series");
      expect(p.request).toBe(series.name);
      expect(e.schedule.options.target + p.url).toBe(series.url);
      const users = p.steps.reduce((a, s) => a + s.users, 0);
      expect(near(users, seriesTotal(series) / e.schedule.options.engines, 1e-3)).toBe(true);
      expect(p.steps.reduce((a, s) => a + s.seconds, 0)).toBeCloseTo(e.schedule.totals.durationSeconds, 3);
    });
  });
});

describe("JMeter export", () => {
  it.each(CASES.map((c) => c.label))("is well-formed XML with one Open Model Thread Group per series carrying its count ÷ engines (%s)", (label) => {
    const e = exports_.find((x) => x.label === label);
    if (!e) throw new Error(label);
    const text = fileOf(e, ".jmx").text;
    expect(XMLValidator.validate(text)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", isArray: (name) => ["OpenModelThreadGroup", "HTTPSamplerProxy", "hashTree", "stringProp"].includes(name) }).parse(text) as Record<string, any>;
    const plan = doc.jmeterTestPlan;
    expect(plan["@jmeter"]).toMatch(/^5\./);
    const tree = plan.hashTree[0].hashTree[0];
    const groups = tree.OpenModelThreadGroup as Record<string, any>[];
    expect(groups.map((g) => g["@testname"])).toEqual(e.schedule.series.map((s) => s.name));
    const samplers = (tree.hashTree as Record<string, any>[]).flatMap((h) => (h.HTTPSamplerProxy ?? []) as Record<string, any>[]);
    expect(samplers.map((s) => s["@testname"])).toEqual(e.schedule.series.map((s) => s.name));
    groups.forEach((g, i) => {
      expect(g["@testclass"]).toBe("OpenModelThreadGroup");
      const schedule = (g.stringProp as Record<string, any>[]).find((p) => p["@name"] === "OpenModelThreadGroup.schedule")?.["#text"] as string;
      // rate(a/min) random_arrivals(d) rate(b/min): a linear ramp from a to b over d.
      let total = 0;
      let duration = 0;
      for (const m of schedule.matchAll(/rate\(([\d.]+)\/min\) random_arrivals\((\d+) (sec|ms)\) rate\(([\d.]+)\/min\)/g)) {
        const d = Number(m[2]) / (m[3] === "ms" ? 1000 : 1);
        total += ((Number(m[1]) + Number(m[4])) / 2 / 60) * d;
        duration += d;
      }
      const series = e.schedule.series[i];
      if (!series) throw new Error("series");
      expect(duration).toBeCloseTo(e.schedule.totals.durationSeconds, 3);
      expect(near(total, seriesTotal(series) / e.schedule.options.engines, 1e-4)).toBe(true);
      const path = (samplers[i]?.stringProp as Record<string, any>[]).find((p) => p["@name"] === "HTTPSampler.path")?.["#text"];
      expect(`${e.schedule.options.target}${path}`).toBe(series.url);
    });
    expect(text).toMatch(/load_profile=(const|line)\(/);
  });
});
