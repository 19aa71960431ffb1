import type { Schedule } from "../../engine";
import type { Emitted } from "../export-format";

export const LOAD_PROFILE_FORMAT = "sctvm-load-profile";
export const LOAD_PROFILE_VERSION = 1;

/** The versioned load profile (the contract `evidence` reads): `{ format, version, …schedule }`. */
export function emitJson(s: Schedule): Emitted {
  const doc = {
    format: LOAD_PROFILE_FORMAT,
    version: LOAD_PROFILE_VERSION,
    model: s.model,
    phase: s.phase,
    provider: s.provider,
    options: s.options,
    stamp: s.stamp,
    totals: s.totals,
    steps: s.steps,
    series: s.series,
  };
  return { files: [{ suffix: ".json", text: `${JSON.stringify(doc, null, 2)}\n` }], notes: [] };
}
