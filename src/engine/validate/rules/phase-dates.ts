import { rowRule } from "../rule";

/** BAD_DATE: a phase that ends before it starts, at the EndDate cell. */
export const phaseDates = rowRule<"Phases">({
  name: "phase-dates",
  table: "Phases",
  after: "EndDate",
  start: () => ({ start, end }, report) => {
    if (start && end && end.value < start.value) {
      report("BAD_DATE", "Phases", end.cell, { column: "EndDate", found: "an EndDate before the StartDate", expected: "EndDate on or after StartDate" });
    }
  },
});
