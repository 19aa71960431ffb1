/**
 * Which baseline phase each model phase is compared with: one select per model phase
 * ("MOC ← IOC" is two clicks: open MOC's select, pick IOC). Renders and reads back the
 * choices only; the mapping itself is the engine's (buildPhaseMapping, phasePairsOf).
 */
import type { PhaseChoice } from "../../engine";
import { h, replaceChildren } from "../dom";

export interface PhaseMappingView {
  /** Shows one select per model phase, set to `choices`, offering every baseline phase. */
  show(choices: readonly PhaseChoice[], baselinePhases: readonly string[]): void;
  /** The choices as the selects stand now (empty before `show`). */
  choices(): PhaseChoice[];
}

/** The select's value for "not compared" (a phase name is never blank). */
const NONE = "";

export function createPhaseMappingView(container: HTMLElement, onChange: () => void): PhaseMappingView {
  let selects: { phase: string; select: HTMLSelectElement }[] = [];
  return {
    show(choices, baselinePhases) {
      selects = choices.map((c, i) => {
        const select = h("select", { attrs: { id: `phase-map-${i}` }, data: { phase: c.phase } });
        for (const b of [...baselinePhases, NONE]) {
          const option = h("option", {}, b === NONE ? "not compared" : b);
          option.value = b;
          select.append(option);
        }
        select.value = c.baselinePhase ?? NONE;
        select.addEventListener("change", onChange);
        return { phase: c.phase, select };
      });
      replaceChildren(
        container,
        choices.length ? h("p", { className: "phase-mapping-title" }, "Compare each model phase with the baseline's:") : null,
        choices.length ? h("div", { className: "pickers" }, ...selects.flatMap(({ phase, select }) => [h("label", { attrs: { for: select.id } }, `${phase} ←`), select])) : null,
      );
    },
    choices: () => selects.map(({ phase, select }) => ({ phase, baselinePhase: select.value === NONE ? null : select.value })),
  };
}
