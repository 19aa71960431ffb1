/**
 * Every cross-field, cross-row and cross-table rule, in the order they run at each point.
 * Adding a rule: one file beside this one, one line here (and its code in the catalogue).
 */
import type { Rule } from "../rule";
import { duplicateName } from "./duplicate-name";
import { duplicateLevel, duplicateOverride, duplicateVolume } from "./duplicate-row-key";
import { duplicateSetting } from "./duplicate-setting";
import { noPerformanceLevel } from "./no-performance-level";
import { overrideTransaction } from "./override-transaction";
import { phaseDates } from "./phase-dates";
import { profileSum } from "./profile-sum";
import { providerColumns } from "./provider-columns";
import { streamGeneration } from "./stream-generation";
import { allBesideSpecific, duplicateTransaction } from "./transaction-key";
import { unknownProfile } from "./unknown-profile";
import { unknownReference } from "./unknown-reference";
import { unusedDmcs, unusedProfiles, unusedProviders } from "./unused";
import { volumeGeneration } from "./volume-generation";

export const RULES: readonly Rule[] = [
  duplicateSetting,
  phaseDates,
  duplicateName("Phases", "Phase"),
  duplicateName("Providers", "Provider"),
  duplicateName("DMCs", "DMC"),
  duplicateName("Profiles", "Profile"),
  profileSum,
  providerColumns,
  unknownProfile,
  streamGeneration,
  duplicateTransaction,
  allBesideSpecific,
  unknownReference("Volumes", "Phase", "Phases", (row) => row.phase),
  unknownReference("Volumes", "DMC", "DMCs", (row) => row.dmc),
  volumeGeneration,
  duplicateVolume,
  unknownReference("Overrides", "DMC", "DMCs", (row) => row.dmc),
  overrideTransaction,
  duplicateOverride,
  unknownReference("PerformanceLevels", "Provider", "Providers", (row) => row.provider),
  unknownReference("PerformanceLevels", "Phase", "Phases", (row) => row.phase),
  duplicateLevel,
  unusedDmcs,
  unusedProfiles,
  unusedProviders,
  noPerformanceLevel,
];
