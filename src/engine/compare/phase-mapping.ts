/**
 * Which baseline phase each model phase is compared with, as a person picks it (the
 * add-in's selects): by default the phase of the same name, or none. What it gives is the
 * list of pairs `compareModels` takes, as the CLI's `--phase MOC=IOC` gives it.
 */
import { foldKey } from "../parse/cell-values";
import type { PhasePair } from "./compare-models";

/** One model phase and the baseline phase it is compared with (null: not compared). */
export interface PhaseChoice {
  readonly phase: string;
  readonly baselinePhase: string | null;
}

const find = (names: readonly string[], name: string): string | undefined => names.find((n) => foldKey(n) === foldKey(name));

/**
 * Each model phase against the baseline phase of the same name (case and spacing folded as
 * everywhere), else not compared; a choice made earlier is kept while both phases still exist.
 * @example buildPhaseMapping(["IOC", "MOC"], ["IOC"]) // [{IOC, IOC}, {MOC, null}]
 */
export function buildPhaseMapping(modelPhases: readonly string[], baselinePhases: readonly string[], previous: readonly PhaseChoice[] = []): PhaseChoice[] {
  return modelPhases.map((phase) => {
    const earlier = previous.find((c) => foldKey(c.phase) === foldKey(phase));
    if (earlier) {
      if (earlier.baselinePhase === null) return { phase, baselinePhase: null };
      const kept = find(baselinePhases, earlier.baselinePhase);
      if (kept !== undefined) return { phase, baselinePhase: kept };
    }
    return { phase, baselinePhase: find(baselinePhases, phase) ?? null };
  });
}

/**
 * The pairs to compare, in model phase order, or why there are none.
 * @example phasePairsOf([{ phase: "MOC", baselinePhase: "IOC" }]) // { pairs: [{ phase: "MOC", baselinePhase: "IOC" }] }
 */
export function phasePairsOf(choices: readonly PhaseChoice[]): { pairs: PhasePair[] } | { error: string } {
  const pairs = choices.flatMap((c) => (c.baselinePhase === null ? [] : [{ phase: c.phase, baselinePhase: c.baselinePhase }]));
  if (pairs.length === 0) return { error: "No phase is compared: pick a baseline phase for at least one model phase." };
  return { pairs };
}
