import { analyseWorkbook } from "../analyse-workbook";
import { tablesToGrids } from "../../../test/support/arbitrary-model";
import { handTables } from "../../../test/support/compare-pairs";
import { parsePhaseMappings } from "../../cli/commands/compare";
import { compareModels, type AnalysedModel } from "./compare-models";
import { buildPhaseMapping, phasePairsOf } from "./phase-mapping";

function analysed(): AnalysedModel {
  const a = analyseWorkbook(tablesToGrids(handTables()));
  if (!a.model || !a.results || !a.fingerprint) throw new Error(JSON.stringify(a.issues));
  return { model: a.model, results: a.results, fingerprint: a.fingerprint };
}

describe("buildPhaseMapping", () => {
  it("maps each model phase to the baseline phase of the same name, folding case and spaces, else to none", () => {
    expect(buildPhaseMapping(["IOC", "moc ", "FOC"], ["MOC", "IOC"])).toEqual([
      { phase: "IOC", baselinePhase: "IOC" },
      { phase: "moc ", baselinePhase: "MOC" },
      { phase: "FOC", baselinePhase: null },
    ]);
  });

  it("keeps an earlier choice while both phases exist, and falls back to the default when one went", () => {
    const previous = [
      { phase: "MOC", baselinePhase: "IOC" },
      { phase: "IOC", baselinePhase: null },
      { phase: "FOC", baselinePhase: "Gone" },
    ];
    expect(buildPhaseMapping(["IOC", "MOC", "FOC"], ["IOC", "FOC"], previous)).toEqual([
      { phase: "IOC", baselinePhase: null },
      { phase: "MOC", baselinePhase: "IOC" },
      { phase: "FOC", baselinePhase: "FOC" },
    ]);
  });
});

describe("phasePairsOf", () => {
  it("gives the compared pairs in model phase order and says so when none is compared", () => {
    expect(phasePairsOf([{ phase: "IOC", baselinePhase: null }, { phase: "MOC", baselinePhase: "IOC" }])).toEqual({ pairs: [{ phase: "MOC", baselinePhase: "IOC" }] });
    expect(phasePairsOf([{ phase: "IOC", baselinePhase: null }])).toEqual({ error: expect.stringMatching(/No phase is compared/) });
  });

  it("gives compareModels what the CLI's --phase gives it for the same mapping", () => {
    const base = analysed();
    const choices = buildPhaseMapping(["IOC", "MOC"], ["IOC", "MOC"], [{ phase: "MOC", baselinePhase: "IOC" }]);
    const pairs = phasePairsOf(choices);
    if ("error" in pairs) throw new Error(pairs.error);
    expect(pairs.pairs).toEqual(parsePhaseMappings(["IOC=IOC,MOC=IOC"]));
    const fromPane = compareModels(base, base, pairs.pairs);
    expect(fromPane).toEqual(compareModels(base, base, parsePhaseMappings(["IOC=IOC", "MOC=IOC"])));
    // The hand model's MOC doubles IOC's populations: DSP 2 × (2000 + 6000) = 16,000 against 8,000.
    if ("error" in fromPane) throw new Error(fromPane.error);
    const moc = fromPane.rows.find((r) => r.phase === "MOC" && r.provider === "DSP");
    expect([moc?.baselinePhase, moc?.dailyTotal.baseline, moc?.dailyTotal.model]).toEqual(["IOC", 8000, 16000]);
  });
});
