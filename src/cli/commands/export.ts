import { join, resolve } from "node:path";
import { buildExports, EXPORT_FORMATS, parseExportOptions, parseFormatList } from "../../export";
import { defineCommand } from "../command";
import { EXIT } from "../exit-codes";
import { analyseFile, issueLine } from "../io";
import { UsageError } from "../usage-error";
import { writeFileAtomic } from "../write-files";

const HOW_TO_RUN = `Files are written as <dir>/<phase>_<provider>.<ext> (names sanitised); their paths are
printed. Each request is named "{provider}/{transaction}", so results map back.
How to run each file (P_X = <phase>_<provider>; N = --engines):
  csv        the schedule: one row per transaction and step
  json       the load profile (format sctvm-load-profile, version 1), read by 'sctvm evidence'
  k6         k6 run P_X.k6.js
             N generators: kubectl create configmap <name> --from-file=P_X.k6.js;
             kubectl apply -f P_X.k6-testrun.yaml (k6-operator, parallelism N; k6 splits the
             rates, the script carries the whole load)
  jmeter     jmeter -n -t P_X.jmx -l P_X.jtl   (JMeter 5.5+, Open Model Thread Group)
             N generators: jmeter -n -t P_X.jmx -R host1,...,hostN (each runs the whole plan,
             which carries 1/N); the Throughput Shaping Timer load_profile is printed
  gatling    Gatling JS project, src/P_X.gatling.js: npx gatling run --simulation P_X
             N generators: run it on each (the file carries 1/N)
  locust     locust -f P_X.locustfile.py --headless
             N generators: locust -f P_X.locustfile.py --headless --master --expect-workers N,
             and locust -f P_X.locustfile.py --worker --master-host <master> on each
  artillery  npx artillery run P_X.artillery.yml   (keep P_X.artillery.js beside it)
             N generators: npx artillery run-fargate --count N P_X.artillery.yml (each worker
             runs the whole file, which carries 1/N)
A model with errors is refused: exit 2 with the issues on stderr. Exit 0 otherwise.`;

export const exportCommand = defineCommand({
  name: "export",
  summary: "write load profiles for test harnesses (csv, json, k6, jmeter, gatling, locust, artillery)",
  positionals: [{ usage: "<model.xlsx>", name: "workbook" }],
  options: {
    format: { type: "string", value: "<fmt>[,<fmt>…|all]", required: true, help: `formats: ${EXPORT_FORMATS.map((f) => f.id).join(", ")}, or all` },
    phase: { type: "string", value: "<P>", required: true, help: "the phase to export" },
    provider: { type: "string", value: "<X>", help: "one provider (default: every provider with load)" },
    out: { type: "string", value: "<dir>", required: true, help: "the folder to write into" },
    hours: { type: "string", value: "<A-B>", help: "model hours, inclusive; 22-2 wraps midnight (default 0-23)" },
    "seconds-per-hour": { type: "string", value: "<S>", help: "test seconds per model hour, per-second rates kept (default 3600)" },
    scale: { type: "string", value: "<F>", help: "multiply every rate, 1.5 = 150% stress (default 1)" },
    burst: { type: "boolean", help: "each hour's peak second (per_hour × BurstFactor / 3600) instead of its mean" },
    shape: { type: "string", value: "step|ramp", help: "hold each hour's rate, or ramp between hour midpoints (default step)" },
    engines: { type: "string", value: "<N>", help: "load generators sharing the run (default 1)" },
    target: { type: "string", value: "<URL>", help: "base URL; requests go to {target}/{provider}/{transaction} (default http://127.0.0.1:8080)" },
    "response-time-s": { type: "string", value: "<T>", help: "assumed response time for sizing VUs and users (default 0.5)" },
    stamp: { type: "string", value: "<time>", help: "a time stamp to write into every file (default none: files are reproducible)" },
  },
  description: `Turns one phase's per-hour rates into load profiles that test harnesses run, one file set
per provider. Expected counts equal the model's figures for those hours × scale (× BurstFactor)
× seconds-per-hour / 3600 before any rounding a format forces; rounding is printed.
${HOW_TO_RUN}`,
  async run({ positionals: [file = ""], values }, io) {
    const { formats, unknown } = parseFormatList(values.format);
    if (unknown.length || formats.length === 0) {
      throw new UsageError(`--format: unknown ${unknown.length ? unknown.map((u) => `'${u}'`).join(", ") : "(empty)"}; formats: ${EXPORT_FORMATS.map((f) => f.id).join(", ")}, all`);
    }
    const parsed = parseExportOptions({
      hours: values.hours,
      secondsPerHour: values["seconds-per-hour"],
      scale: values.scale,
      burst: values.burst,
      shape: values.shape,
      engines: values.engines,
      target: values.target,
      responseTimeSeconds: values["response-time-s"],
    });
    if (!parsed.ok) throw new UsageError(parsed.errors.join("; "));
    const a = await analyseFile(file, io, { dmcSeries: false });
    for (const i of a.issues) io.err(issueLine(i));
    if (!a.model || !a.results || !a.fingerprint) {
      io.err(`sctvm: ${a.errorCount} error(s) in ${file}: nothing exported`);
      return EXIT.modelErrors;
    }
    const outcome = buildExports({
      model: a.model,
      results: a.results,
      fingerprint: a.fingerprint,
      phase: values.phase,
      provider: values.provider,
      formats,
      options: parsed.options,
      stamp: values.stamp ?? null,
    });
    if (!outcome.ok) throw new UsageError(outcome.error);
    const outDir = resolve(io.cwd, values.out);
    const paths = outcome.result.files.map((f) => join(outDir, f.name));
    await Promise.all(outcome.result.files.map((f, i) => writeFileAtomic(paths[i] as string, f.text)));
    for (const note of outcome.result.notes) io.err(note);
    for (const p of paths) io.out(p);
    return EXIT.ok;
  },
});
