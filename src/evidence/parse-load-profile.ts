/**
 * The load-profile JSON that `sctvm export --format json` writes (`sctvm-load-profile`,
 * version 1): the schedule a run was driven by. Read back for `evidence --schedule`.
 */
import type { Schedule, ScheduleSeries, ScheduleStep, StepRate } from "../engine";
import { resultsError, type ResultsError } from "./harness-results";
import { isRecord, parseJsonText } from "./parse-json-text";

type Fail = { error: ResultsError };

function num(value: unknown, field: string, min = 0): number | Fail {
  return typeof value === "number" && Number.isFinite(value) && value >= min ? value : resultsError(`field '${field}'`, `expected a number ≥ ${min}, found ${JSON.stringify(value) ?? "nothing"}`);
}

function text(value: unknown, field: string): string | Fail {
  return typeof value === "string" ? value : resultsError(`field '${field}'`, `expected text, found ${JSON.stringify(value) ?? "nothing"}`);
}

const failed = (x: unknown): x is Fail => isRecord(x) && "error" in x;

/**
 * Parses and checks a load-profile JSON; later versions are refused with a clear error.
 * @example parseLoadProfile(text).schedule?.options.secondsPerHour
 */
export function parseLoadProfile(source: string): { schedule: Schedule } | Fail {
  const parsed = parseJsonText(source, "an sctvm load profile (sctvm export --format json)");
  if ("error" in parsed) return parsed;
  const doc = parsed.value;
  if (!isRecord(doc) || doc.format !== "sctvm-load-profile") return resultsError("field 'format'", `expected "sctvm-load-profile", found ${JSON.stringify(isRecord(doc) ? doc.format : doc)?.slice(0, 40)}`);
  if (doc.version !== 1) return resultsError("field 'version'", `expected 1 (this sctvm reads load profiles of version 1), found ${JSON.stringify(doc.version)}`);
  const model = doc.model;
  const options = doc.options;
  if (!isRecord(model)) return resultsError("field 'model'", "expected the model's name, version and fingerprint");
  if (!isRecord(options)) return resultsError("field 'options'", "expected the export options");
  const fields = {
    name: text(model.name, "model.name"),
    version: text(model.version, "model.version"),
    fingerprint: text(model.fingerprint, "model.fingerprint"),
    phase: text(doc.phase, "phase"),
    provider: text(doc.provider, "provider"),
    secondsPerHour: num(options.secondsPerHour, "options.secondsPerHour", 1e-9),
    scale: num(options.scale, "options.scale", 1e-12),
  };
  for (const v of Object.values(fields)) if (failed(v)) return v;
  if (typeof options.burst !== "boolean") return resultsError("field 'options.burst'", `expected true or false, found ${JSON.stringify(options.burst)}`);
  if (!Array.isArray(doc.steps)) return resultsError("field 'steps'", "expected the list of steps");
  if (!Array.isArray(doc.series)) return resultsError("field 'series'", "expected the list of series");
  const steps: ScheduleStep[] = [];
  for (const [i, s] of doc.steps.entries()) {
    const f = `steps[${i}]`;
    const step = num(member(s, "step"), `${f}.step`);
    const hour = num(member(s, "hour"), `${f}.hour`);
    const startSeconds = num(member(s, "startSeconds"), `${f}.startSeconds`);
    const durationSeconds = num(member(s, "durationSeconds"), `${f}.durationSeconds`, 1e-9);
    for (const v of [step, hour, startSeconds, durationSeconds]) if (failed(v)) return v;
    steps.push({ step: step as number, hour: hour as number, startSeconds: startSeconds as number, durationSeconds: durationSeconds as number });
  }
  const series: ScheduleSeries[] = [];
  for (const [i, s] of doc.series.entries()) {
    const f = `series[${i}]`;
    const name = text(member(s, "name"), `${f}.name`);
    if (failed(name)) return name;
    const rates = member(s, "rates");
    if (!Array.isArray(rates) || rates.length !== steps.length) return resultsError(`field '${f}.rates'`, `expected one rate per step (${steps.length}), found ${Array.isArray(rates) ? rates.length : "none"}`);
    const out: StepRate[] = [];
    for (const [k, r] of rates.entries()) {
      const g = `${f}.rates[${k}]`;
      const values = [num(member(r, "step"), `${g}.step`), num(member(r, "ratePerSecond"), `${g}.ratePerSecond`), num(member(r, "endRatePerSecond"), `${g}.endRatePerSecond`), num(member(r, "expectedCount"), `${g}.expectedCount`)];
      for (const v of values) if (failed(v)) return v;
      const [step, ratePerSecond, endRatePerSecond, expectedCount] = values as number[];
      out.push({ step: step as number, ratePerSecond: ratePerSecond as number, endRatePerSecond: endRatePerSecond as number, expectedCount: expectedCount as number });
    }
    series.push({ name, transaction: String(member(s, "transaction") ?? ""), stream: member(s, "stream") as ScheduleSeries["stream"], url: String(member(s, "url") ?? ""), rates: out });
  }
  const base = { ...(options as object) } as Schedule["options"];
  return {
    schedule: {
      model: { name: fields.name as string, version: fields.version as string, fingerprint: fields.fingerprint as string },
      phase: fields.phase as string,
      provider: fields.provider as string,
      options: base,
      stamp: typeof doc.stamp === "string" ? doc.stamp : null,
      totals: doc.totals as Schedule["totals"],
      steps,
      series,
    },
  };
}

function member(value: unknown, key: string): unknown {
  return isRecord(value) ? value[key] : undefined;
}
