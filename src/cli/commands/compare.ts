import { join, resolve } from "node:path";
import { buildCompareTables, compareModels, formatCsv, type Analysis, type PhasePair } from "../../engine";
import { defineCommand } from "../command";
import { formatComparisonText } from "../compare-text";
import { escapeControlsIn } from "../escape-controls";
import { EXIT } from "../exit-codes";
import { analyseFile, issueLine, type Io } from "../io";
import { UsageError } from "../usage-error";
import { writeFileAtomic } from "../write-files";

/** `MOC=IOC` (several comma-separated, or the option repeated) → pairs; the model's phase first. */
export function parsePhaseMappings(values: readonly string[]): PhasePair[] {
  return values
    .flatMap((v) => v.split(","))
    .filter((v) => v.trim() !== "")
    .map((v) => {
      const m = /^([^=]+)=([^=]+)$/.exec(v.trim());
      if (!m) throw new UsageError(`--phase takes MODEL=BASELINE (e.g. MOC=IOC: the model's MOC against the baseline's IOC), got '${v}'`);
      return { phase: (m[1] as string).trim(), baselinePhase: (m[2] as string).trim() };
    });
}

function reportErrors(a: Analysis, file: string, io: Io): boolean {
  if (a.model && a.results) return false;
  for (const i of a.issues.filter((x) => x.severity === "error")) io.err(`${file}: ${issueLine(i)}`);
  io.err(`sctvm: ${a.errorCount} error(s) in ${file}: cannot compare`);
  return true;
}

export const compare = defineCommand({
  name: "compare",
  summary: "compare a model with a baseline: broadly as predicted, and what moved",
  positionals: [
    { usage: "<baseline.xlsx>", name: "baseline workbook" },
    { usage: "<model.xlsx>", name: "model workbook" },
  ],
  options: {
    phase: { type: "string", value: "A=B", repeatable: true, help: "compare the model's phase A with the baseline's phase B (repeat it, or A=B,C=D, for several)" },
    json: { type: "boolean", help: "print the comparison as JSON instead of text" },
    out: { type: "string", value: "<dir>", help: "also write compare.csv, attribution.csv and compare.json into <dir>" },
  },
  description: `Compares a model with a baseline (spec section 5): for each phase in both (or each
mapped pair: --phase MOC=IOC puts the model's MOC against the baseline's IOC) and each
provider, daily_total and peak_per_hour in both, their change and relative change, and
whether each lies within ±Tolerance (the model's Tolerance setting). Rows outside the band
come first. Each change is split over the input groups (populations and volumes; rates
and overrides; profiles; routing; settings) by Shapley values over the 32 mixes of the two
models, so the parts sum to the change; below each group its top DMCs, transactions or
profiles. Exit 0 BROADLY_AS_PREDICTED, 1 CHANGED, 2 either model has errors, 3 usage error.`,
  async run({ positionals: [basePath = "", modelPath = ""], values }, io) {
    const mapped = parsePhaseMappings(values.phase === undefined ? [] : [values.phase]);
    const base = await analyseFile(basePath, io);
    const model = await analyseFile(modelPath, io);
    const baseBad = reportErrors(base, basePath, io);
    const modelBad = reportErrors(model, modelPath, io);
    if (baseBad || modelBad) return EXIT.modelErrors;
    for (const [a, file] of [[base, basePath], [model, modelPath]] as const) for (const i of a.issues) io.err(`${file}: ${issueLine(i)}`);
    const side = (a: Analysis) => ({ model: a.model!, results: a.results!, fingerprint: a.fingerprint ?? "" });
    const c = compareModels(side(base), side(model), mapped);
    if ("error" in c) throw new UsageError(c.error);
    if (values.out !== undefined) {
      const outDir = resolve(io.cwd, values.out);
      await Promise.all([
        ...buildCompareTables(c).map((t) => writeFileAtomic(join(outDir, t.file), formatCsv(t))),
        writeFileAtomic(join(outDir, "compare.json"), `${JSON.stringify(c, null, 2)}\n`),
      ]);
    }
    io.out(values.json ? JSON.stringify(c, null, 2) : formatComparisonText(escapeControlsIn(c)));
    return c.verdict === "BROADLY_AS_PREDICTED" ? EXIT.ok : EXIT.fail;
  },
});
