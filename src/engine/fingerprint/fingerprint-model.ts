import type { PerformanceLevel, VolumeModel } from "../model/types";
import { DEFAULT_PERCENTILE } from "../parse/parse-volumes";
import { sha256Hex } from "./sha256";

/**
 * The model in a canonical JSON form: what was parsed, without cell addresses, with
 * attribute names sorted. Identical inputs give identical text whatever the layout
 * (table positions, column order, header case, blank rows, numeric text, date form).
 */
function canonicalModelJson(model: VolumeModel): string {
  // Rows of keyed tables whose order changes no output are sorted by key.
  const canonical: VolumeModel = {
    ...model,
    volumes: [...model.volumes].sort((a, b) => a.phase - b.phase || a.dmc - b.dmc),
    overrides: [...model.overrides].sort((a, b) => a.dmc - b.dmc || a.transaction - b.transaction),
    levels: [...model.levels].sort((a, b) => a.provider - b.provider || (a.phase ?? -1) - (b.phase ?? -1)).map(withoutEvidenceDefaults),
  };
  return JSON.stringify(canonical, (key, value: unknown) => {
    if (key === "cell") return undefined;
    if (key === "attributes" && value && typeof value === "object") {
      const obj = value as Record<string, unknown>;
      return Object.fromEntries(Object.keys(obj).sort().map((k) => [k, obj[k]]));
    }
    return value;
  });
}

/**
 * A level without the evidence columns (spec v1.1) where they hold their defaults, so a
 * model that does not use them keeps the fingerprint it had before they existed.
 */
function withoutEvidenceDefaults(level: PerformanceLevel): PerformanceLevel {
  const { targetResponseSeconds, percentile, maxErrorRate, ...rest } = level;
  return {
    ...rest,
    ...(targetResponseSeconds === null ? {} : { targetResponseSeconds }),
    ...(percentile.value === DEFAULT_PERCENTILE ? {} : { percentile }),
    ...(maxErrorRate.value === 0 ? {} : { maxErrorRate }),
  } as PerformanceLevel;
}

/** SHA-256 of a text's UTF-8 bytes, as 64 lower-case hex digits. */
export type Sha256Hex = (text: string) => string;

/**
 * SHA-256 of the canonical parsed model, as hex. `sha256` defaults to the engine's own pure
 * implementation; an adapter may pass its platform's (the CLI passes node:crypto, ten times
 * faster on a large model) — any correct SHA-256 gives the same fingerprint.
 * @example fingerprintModel(model) // "3f1c…" (64 hex digits)
 */
export function fingerprintModel(model: VolumeModel, sha256: Sha256Hex = sha256Hex): string {
  return sha256(`sctvm-model-v1\n${canonicalModelJson(model)}`);
}
