/**
 * The manual-calculation notice: in Manual mode Excel has not recalculated the formulas
 * among the inputs since the last edit, so the pane says so and offers to calculate.
 */
import type { CalculationMode } from "../../io/ports";
import { h, replaceChildren } from "../dom";

export interface CalcNoticeView {
  /** `calculated`: the pane has just run a calculation (the mode is still Manual). */
  render(mode: CalculationMode | undefined, calculated?: boolean): void;
}

export function createCalcNoticeView(root: HTMLElement, onCalculate: () => void): CalcNoticeView {
  return {
    render(mode, calculated = false) {
      root.dataset["mode"] = mode ?? "";
      if (mode !== "Manual") {
        root.hidden = true;
        return replaceChildren(root);
      }
      replaceChildren(
        root,
        h(
          "p",
          { className: "calc-text" },
          calculated
            ? "Calculated. Excel is still in manual calculation: after further edits, calculate again before computing."
            : "Excel is in manual calculation: formulas among the inputs may show old values, and so would the results.",
        ),
        h("button", { className: "link", attrs: { type: "button", id: "calculate-now" }, onClick: onCalculate }, "Calculate now"),
      );
      root.hidden = false;
    },
  };
}
