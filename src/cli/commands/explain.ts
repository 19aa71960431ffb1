import { explainHour, formatExplanation } from "../../engine";
import { defineCommand } from "../command";
import { escapeControlsIn } from "../escape-controls";
import { EXIT } from "../exit-codes";
import { analyseFile, issueLine } from "../io";
import { UsageError } from "../usage-error";

export const explain = defineCommand({
  name: "explain",
  summary: "explain one figure back to its input cells",
  positionals: [{ usage: "<model.xlsx>", name: "workbook" }],
  options: {
    phase: { type: "string", value: "P", required: true, help: "the phase" },
    provider: { type: "string", value: "X", required: true, help: "the provider" },
    hour: { type: "string", value: "H", required: true, help: "the hour, 0–23" },
    dmc: { type: "string", value: "D", help: "a DMC: its rates-by-dmc figure" },
    transaction: { type: "string", value: "T", help: "a transaction: its rates-by-transaction figure" },
    stream: { type: "string", value: "S", with: "transaction", help: "only the transaction's series of this stream" },
    json: { type: "boolean", help: 'print {"value", "terms": [{..., "value"}], ...} instead of text' },
  },
  description: `Explains one figure back to its input cells:
  no --dmc/--transaction   provider-hourly per_hour: the sum over DMCs
  --dmc D                  rates-by-dmc per_hour: the sum over transactions for D
  --transaction T          rates-by-transaction per_hour: the sum over DMCs for T
  both                     the single load of T for D
  --stream S               with --transaction: only T's series of stream S (Migration,
                           Install or Traffic), i.e. exactly one rates-by-transaction row
Every term lists its inputs (driver, rate, Contingency, hourly share, messages on the
provider) with the cell each came from; the terms sum exactly to the figure.`,
  async run({ positionals: [file = ""], values }, io) {
    const hourText = values.hour;
    if (!/^\d{1,2}$/.test(hourText.trim()) || Number(hourText) > 23) throw new UsageError(`--hour must be a whole number 0–23, got '${hourText}'`);
    const a = await analyseFile(file, io);
    if (!a.model || !a.results) {
      for (const i of a.issues.filter((x) => x.severity === "error")) io.err(issueLine(i));
      io.err(`sctvm: ${a.errorCount} error(s) in ${file}: nothing to explain`);
      return EXIT.modelErrors;
    }
    const e = explainHour(a.model, a.results, {
      phase: values.phase,
      provider: values.provider,
      hour: Number(hourText),
      dmc: values.dmc,
      transaction: values.transaction,
      stream: values.stream,
    });
    if ("error" in e) throw new UsageError(e.error);
    io.out(values.json ? JSON.stringify({ ...e, fingerprint: a.fingerprint }, null, 2) : formatExplanation(escapeControlsIn(e)));
    return EXIT.ok;
  },
});
