/** Evidence for the sample's FOC S1SP from a generated JTL that plays its schedule exactly. */
import { buildSchedule, DEFAULT_SCHEDULE_OPTIONS } from "../../src/engine";
import { judgeEvidence, parseResults, type Evidence } from "../../src/evidence";
import { indexOf, loadSampleAnalysis } from "../taskpane/sample-analysis";

export async function sampleEvidence(): Promise<Evidence> {
  const { model, results, analysis } = await loadSampleAnalysis();
  const phase = indexOf(model.phases, "FOC");
  const provider = indexOf(model.providers, "S1SP");
  const schedule = buildSchedule({ model, results, fingerprint: analysis.fingerprint ?? "", phase, provider, options: { ...DEFAULT_SCHEDULE_OPTIONS, hours: { from: 4, to: 6 }, secondsPerHour: 10, scale: 0.01 } });
  const lines = ["timeStamp,elapsed,label,success"];
  const t0 = 1_800_000_000_000;
  for (const st of schedule.steps) {
    for (const s of schedule.series) {
      const n = Math.round(s.rates[st.step]?.expectedCount ?? 0);
      for (let k = 0; k < n; k++) lines.push(`${t0 + Math.floor((st.startSeconds + (k + 0.5) * (st.durationSeconds / n)) * 1000)},${40 + (k % 7) * 15},${s.name},${k % 50 !== 7}`);
    }
  }
  const parsed = parseResults("jmeter", { text: lines.join("\n") });
  if ("error" in parsed) throw new Error(parsed.error.message);
  const e = judgeEvidence({ model, results, fingerprint: analysis.fingerprint ?? "", phase, provider, schedule, harness: parsed.results });
  if ("error" in e) throw new Error(e.error);
  return e;
}
