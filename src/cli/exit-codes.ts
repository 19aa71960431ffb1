/** Exit codes of spec section 6: the one place they are defined and described. */
export const EXIT = { ok: 0, fail: 1, modelErrors: 2, usage: 3 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** What each code means, for the help text. */
export const EXIT_MEANINGS: Readonly<Record<ExitCode, string>> = {
  0: "success (every status PASS)",
  1: "computed but some status FAIL",
  2: "the model has errors",
  3: "usage or I/O error",
};
