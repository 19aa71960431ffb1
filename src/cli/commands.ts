import { join, resolve } from "node:path";
import {
  analyseWorkbook,
  buildIssueTable,
  explainHour,
  formatCsv,
  formatExplanation,
  formatOutputCsv,
  OUTPUT_FILES,
  type Analysis,
  type Issue,
} from "../engine";
import { readWorkbookFile } from "../io/xlsx/read-workbook-file";
import { parseArgs, UsageError } from "./args";
import type { Io } from "./main";
import { renderTable, showFigure, showPercent } from "./render-table";
import { removeFiles, writeFileAtomic } from "./write-files";

const EXIT_OK = 0;
const EXIT_FAIL = 1;
const EXIT_MODEL = 2;

function onePositional(positionals: readonly string[], what: string): string {
  if (positionals.length !== 1) throw new UsageError(`expected one ${what}, got ${positionals.length}`);
  return positionals[0] as string;
}

async function analyseFile(path: string, io: Io): Promise<Analysis> {
  return analyseWorkbook(await readWorkbookFile(resolve(io.cwd, path)));
}

function issueLine(i: Issue): string {
  return `${i.severity}: ${i.code} ${i.cell || i.table}: ${i.message}`;
}

function issuesTable(issues: readonly Issue[]): string {
  return renderTable(
    ["severity", "code", "cell", "message"],
    issues.map((i) => [i.severity, i.code, i.cell || `(${i.table})`, i.message]),
  );
}

export async function runValidate(argv: readonly string[], io: Io): Promise<number> {
  const args = parseArgs(argv, [], ["json"]);
  const file = onePositional(args.positionals, "workbook");
  const a = await analyseFile(file, io);
  if (args.switches.has("json")) {
    io.out(JSON.stringify({ file, fingerprint: a.fingerprint ?? null, errors: a.errorCount, warnings: a.warningCount, issues: a.issues }, null, 2));
  } else {
    if (a.issues.length) io.out(issuesTable(a.issues));
    io.out(`${a.errorCount} error(s), ${a.warningCount} warning(s)${a.fingerprint ? `; model fingerprint ${a.fingerprint}` : ""}`);
  }
  return a.errorCount > 0 ? EXIT_MODEL : EXIT_OK;
}

/** Writes the outputs of an analysis into `out`: all five, or only issues.csv on errors. */
export async function writeOutputs(a: Analysis, outDir: string): Promise<string[]> {
  if (!a.model || !a.results) {
    await removeFiles(OUTPUT_FILES.filter((f) => f !== "issues.csv").map((f) => join(outDir, f)));
    await writeFileAtomic(join(outDir, "issues.csv"), formatCsv(buildIssueTable(a.issues)));
    return ["issues.csv"];
  }
  const files = formatOutputCsv(a.model, a.results, a.issues);
  await Promise.all(files.map((f) => writeFileAtomic(join(outDir, f.file), f.text)));
  return files.map((f) => f.file);
}

export function summaryText(a: Analysis): string {
  if (!a.model || !a.results) return "";
  const model = a.model;
  const rows = a.results.summaries.map((s) => [
    model.phases[s.phase]?.name ?? "",
    model.providers[s.provider]?.name ?? "",
    String(s.peakHour).padStart(2, "0") + ":00",
    showFigure(s.peakPerHour),
    showFigure(s.peakPerSecond, 2),
    showFigure(s.requiredPerHour),
    showFigure(s.requiredPerSecond, 2),
    showFigure(s.capacityPerHour),
    showFigure(s.capacityPerSecond, 2),
    showPercent(s.utilisation),
    s.status,
  ]);
  return renderTable(
    ["phase", "provider", "peak hour", "peak/h", "peak/s", "required/h", "required/s", "capacity/h", "capacity/s", "utilisation", "status"],
    rows,
    new Set([3, 4, 5, 6, 7, 8, 9]),
  );
}

function statusExit(a: Analysis): number {
  return a.results?.summaries.some((s) => s.status === "FAIL") ? EXIT_FAIL : EXIT_OK;
}

export async function runCompute(argv: readonly string[], io: Io): Promise<number> {
  const args = parseArgs(argv, ["out"], ["json"]);
  const file = onePositional(args.positionals, "workbook");
  const out = args.options.get("out");
  if (!out) throw new UsageError("compute needs --out <dir>");
  const a = await analyseFile(file, io);
  const outDir = resolve(io.cwd, out);
  const written = await writeOutputs(a, outDir);
  if (a.errorCount > 0) {
    for (const i of a.issues) io.err(issueLine(i));
    io.err(`sctvm: ${a.errorCount} error(s) in ${file}: nothing computed; issues written to ${join(outDir, "issues.csv")}`);
    return EXIT_MODEL;
  }
  for (const i of a.issues) io.err(issueLine(i));
  if (args.switches.has("json")) {
    const model = a.model;
    io.out(
      JSON.stringify(
        {
          fingerprint: a.fingerprint,
          files: written.map((f) => join(outDir, f)),
          summary: a.results?.summaries.map((s) => ({ ...s, phase: model?.phases[s.phase]?.name, provider: model?.providers[s.provider]?.name })),
        },
        null,
        2,
      ),
    );
  } else {
    io.out(summaryText(a));
    io.out(`wrote ${written.length} files to ${outDir}`);
  }
  return statusExit(a);
}

export async function runExplain(argv: readonly string[], io: Io): Promise<number> {
  const args = parseArgs(argv, ["phase", "provider", "hour", "dmc", "transaction", "stream"], ["json"]);
  const file = onePositional(args.positionals, "workbook");
  const phase = args.options.get("phase");
  const provider = args.options.get("provider");
  const hourText = args.options.get("hour");
  if (phase === undefined || provider === undefined || hourText === undefined) {
    throw new UsageError("explain needs --phase, --provider and --hour");
  }
  if (args.options.has("stream") && !args.options.has("transaction")) throw new UsageError("--stream goes with --transaction");
  if (!/^\d{1,2}$/.test(hourText.trim()) || Number(hourText) > 23) throw new UsageError(`--hour must be a whole number 0–23, got '${hourText}'`);
  const a = await analyseFile(file, io);
  if (!a.model || !a.results) {
    for (const i of a.issues.filter((x) => x.severity === "error")) io.err(issueLine(i));
    io.err(`sctvm: ${a.errorCount} error(s) in ${file}: nothing to explain`);
    return EXIT_MODEL;
  }
  const e = explainHour(a.model, a.results, {
    phase,
    provider,
    hour: Number(hourText),
    dmc: args.options.get("dmc"),
    transaction: args.options.get("transaction"),
    stream: args.options.get("stream"),
  });
  if ("error" in e) throw new UsageError(e.error);
  io.out(args.switches.has("json") ? JSON.stringify({ ...e, fingerprint: a.fingerprint }, null, 2) : formatExplanation(e));
  return EXIT_OK;
}

export async function runDemo(argv: readonly string[], io: Io, root: string): Promise<number> {
  const args = parseArgs(argv, ["out"], []);
  const sample = join(root, "examples", "appendix-a-sample.xlsx");
  const outDir = resolve(io.cwd, args.options.get("out") ?? "out");
  const started = performance.now();
  const a = analyseWorkbook(await readWorkbookFile(sample));
  const written = await writeOutputs(a, outDir);
  const ms = performance.now() - started;
  const model = a.model;
  io.out(`Sample model: ${sample}`);
  if (model) io.out(`${model.settings.modelName.value} ${model.settings.modelVersion.value} — fingerprint ${a.fingerprint}`);
  io.out(`Validation: ${a.errorCount} error(s), ${a.warningCount} warning(s)`);
  for (const i of a.issues) io.out(`  ${issueLine(i)}`);
  if (a.results) {
    io.out("");
    io.out(summaryText(a));
    const fails = a.results.summaries.filter((s) => s.status === "FAIL").length;
    io.out("");
    io.out(`${a.results.summaries.length - fails} PASS/NO_LEVEL, ${fails} FAIL (a FAIL is expected: the sample is built to show both outcomes)`);
  }
  io.out(`Wrote ${written.join(", ")} to ${outDir} in ${ms.toFixed(0)} ms`);
  return a.errorCount > 0 ? EXIT_MODEL : EXIT_OK;
}
