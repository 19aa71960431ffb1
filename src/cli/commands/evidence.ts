import { readFile } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { foldKey } from "../../engine";
import { buildEvidenceHtml, buildEvidenceMarkdown, CHECK_TITLES, checkValue, judgeEvidence, parseEvidenceResults, parseEvidenceSchedule, requirementText, RESULTS_FORMATS, type ResultsFormat } from "../../evidence";
import { defineCommand } from "../command";
import { escapeControls } from "../escape-controls";
import { EXIT } from "../exit-codes";
import { analyseFile, issueLine, type Io } from "../io";
import { UsageError } from "../usage-error";
import { writeFileAtomic } from "../write-files";

/** A results file that cannot be read or understood: exit 3 with one line. */
class ResultsFileError extends UsageError {}

async function readText(path: string, what: string): Promise<string> {
  try {
    return await readFile(path, "utf8");
  } catch (err) {
    const code = (err as { code?: string }).code;
    throw new ResultsFileError(`${path}: cannot read the ${what} (${code === "ENOENT" ? "no such file" : code ?? String(err)})`);
  }
}

/** Locust writes PREFIX_stats.csv and PREFIX_stats_history.csv: read the history beside the stats. */
async function readLocustHistory(statsPath: string): Promise<{ path: string; text: string } | undefined> {
  const name = basename(statsPath);
  if (!name.endsWith("_stats.csv")) return undefined;
  const path = join(dirname(statsPath), name.replace(/_stats\.csv$/, "_stats_history.csv"));
  try {
    return { path, text: await readFile(path, "utf8") };
  } catch {
    return undefined;
  }
}

export const evidence = defineCommand({
  name: "evidence",
  summary: "judge a harness run against the requisite level; HTML and Markdown report",
  positionals: [{ usage: "<model.xlsx>", name: "workbook" }],
  options: {
    results: { type: "string", value: "<file>", required: true, help: "the harness's results file (Locust: PREFIX_stats.csv)" },
    format: { type: "string", value: RESULTS_FORMATS.join("|"), required: true, help: "the results file's format" },
    phase: { type: "string", value: "P", required: true, help: "the phase the run tested" },
    provider: { type: "string", value: "X", required: true, help: "the provider the run tested" },
    schedule: { type: "string", value: "<export.json>", help: "the load profile the run was driven by (sctvm export --format json)" },
    out: { type: "string", value: "<dir>", required: true, help: "where evidence.html, evidence.md and evidence.json go" },
    json: { type: "boolean", help: "print the evidence as JSON instead of text" },
  },
  description: `Reads a load harness's results into achieved requests per request name (the
schedule's series names), per step of the schedule where the format has a time series,
response-time percentiles and error rates, and judges them against the requisite level
of the phase and provider: achieved per hour and (with PeakPerSecond) per second against
required_per_hour/_second, mapped back through the export's scale (and BurstFactor for a
burst run) read from --schedule; the level's TargetResponseSeconds at its Percentile; its
MaxErrorRate. Formats: artillery (artillery run --output report.json), locust (--csv
PREFIX: give PREFIX_stats.csv; PREFIX_stats_history.csv beside it is read too), k6
(--summary-export), jmeter (JTL as CSV with field names).
Writes evidence.html (self-contained), evidence.md and evidence.json into <dir>.
Exit 0 MET, 1 NOT MET, 2 model errors (or no level applies), 3 usage error or a results
or schedule file it cannot read.`,
  async run({ positionals: [file = ""], values }, io: Io) {
    const format = values.format.trim().toLowerCase() as ResultsFormat;
    if (!RESULTS_FORMATS.includes(format)) throw new UsageError(`--format must be one of ${RESULTS_FORMATS.join(", ")}, got '${values.format}'`);
    const resultsPath = resolve(io.cwd, values.results);
    const text = await readText(resultsPath, "results file");
    const history = format === "locust" ? await readLocustHistory(resultsPath) : undefined;
    // The add-in's evidence panel parses through the same functions, so both say the same about a file.
    const parsed = parseEvidenceResults({ format, results: { name: values.results, text }, history: history && { name: history.path, text: history.text } });
    if ("error" in parsed) throw new ResultsFileError(parsed.error);
    let schedule = null;
    if (values.schedule !== undefined) {
      const s = parseEvidenceSchedule({ name: values.schedule, text: await readText(resolve(io.cwd, values.schedule), "schedule") });
      if ("error" in s) throw new ResultsFileError(s.error);
      schedule = s.schedule;
    }
    const a = await analyseFile(file, io, { dmcSeries: false });
    if (!a.model || !a.results || !a.fingerprint) {
      for (const i of a.issues.filter((x) => x.severity === "error")) io.err(issueLine(i));
      io.err(`sctvm: ${a.errorCount} error(s) in ${file}: nothing to judge against`);
      return EXIT.modelErrors;
    }
    for (const i of a.issues) io.err(issueLine(i));
    const phase = a.model.phases.findIndex((p) => foldKey(p.name) === foldKey(values.phase));
    if (phase < 0) throw new UsageError(`--phase '${values.phase}' is not a phase of ${file} (${a.model.phases.map((p) => p.name).join(", ")})`);
    const provider = a.model.providers.findIndex((p) => foldKey(p.name) === foldKey(values.provider));
    if (provider < 0) throw new UsageError(`--provider '${values.provider}' is not a provider of ${file} (${a.model.providers.map((p) => p.name).join(", ")})`);
    if (schedule && (foldKey(schedule.phase) !== foldKey(values.phase) || foldKey(schedule.provider) !== foldKey(values.provider))) {
      throw new UsageError(`--schedule is for ${schedule.phase} ${schedule.provider}, not ${values.phase} ${values.provider}`);
    }
    const e = judgeEvidence({ model: a.model, results: a.results, fingerprint: a.fingerprint, phase, provider, schedule, harness: parsed.harness });
    if ("error" in e) {
      io.err(`sctvm: ${e.error}`);
      return EXIT.modelErrors;
    }
    const outDir = resolve(io.cwd, values.out);
    await Promise.all([
      writeFileAtomic(join(outDir, "evidence.html"), buildEvidenceHtml(e)),
      writeFileAtomic(join(outDir, "evidence.md"), buildEvidenceMarkdown(e)),
      writeFileAtomic(join(outDir, "evidence.json"), `${JSON.stringify(e, null, 2)}\n`),
    ]);
    if (values.json) io.out(JSON.stringify(e, null, 2));
    else {
      // One line each: names from the workbook or the results file cannot split a line.
      for (const c of e.checks) io.out(escapeControls(`${c.met ? "PASS" : "FAIL"}  ${CHECK_TITLES[c.kind]}: required ${requirementText(c)}, achieved ${checkValue(c, c.achieved)} (${c.detail})`));
      for (const n of e.notes) io.out(escapeControls(`note: ${n}`));
      io.out(escapeControls(`${e.verdict === "MET" ? "MET" : "NOT MET"}: ${e.provider} in ${e.phase}; report in ${join(outDir, "evidence.html")} and evidence.md`));
    }
    return e.verdict === "MET" ? EXIT.ok : EXIT.fail;
  },
});
