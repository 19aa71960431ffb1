import { rowRule } from "../rule";

const SUM_TOLERANCE = 1e-6;

/**
 * PROFILE_SUM: H00…H23 must sum to 1 within 1e-6, at the profile's name cell. Checked even
 * when shares are out of range, so a row typed in whole percentages is named as such.
 */
export const profileSum = rowRule<"Profiles">({
  name: "profile-sum",
  table: "Profiles",
  after: "row",
  start: () => ({ key, shares }, report) => {
    if (!key || !shares.every((v) => v !== undefined)) return;
    let sum = 0;
    for (const v of shares) sum += v as number;
    if (Math.abs(sum - 1) <= SUM_TOLERANCE) return;
    const looksLikePercent = Math.abs(sum - 100) <= 100 * SUM_TOLERANCE * 10;
    report("PROFILE_SUM", "Profiles", key.cell, {
      column: `Profile ${key.value}`,
      found: `H00…H23 summing to ${sum}`,
      expected: "shares summing to 1 (within 1e-6)",
      hint: looksLikePercent ? "They sum to 100: the shares look typed as whole percentages (5 for 5%); enter 5% or 0.05." : undefined,
    });
  },
});
