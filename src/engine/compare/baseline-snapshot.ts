/**
 * A baseline snapshot kept inside the workbook for "Compare with baseline": the parsed
 * model as it was (versioned JSON), with its fingerprint, name, version and the time it was
 * taken (given by the caller; the engine reads no clock). Reading it back re-derives the
 * results with today's engine and checks the fingerprint, so a damaged snapshot is refused.
 */
import { deriveRates } from "../derive/derive-rates";
import { fingerprintModel } from "../fingerprint/fingerprint-model";
import type { Results } from "../model/results";
import type { VolumeModel } from "../model/types";

export const BASELINE_FORMAT = "sctvm-baseline";
export const BASELINE_VERSION = 1;

export interface BaselineSnapshot {
  readonly name: string;
  readonly version: string;
  readonly fingerprint: string;
  /** ISO time the snapshot was taken. */
  readonly takenAt: string;
  readonly model: VolumeModel;
  readonly results: Results;
}

/**
 * The snapshot's text.
 * @example buildBaselineSnapshot(model, fingerprint, new Date().toISOString())
 */
export function buildBaselineSnapshot(model: VolumeModel, fingerprint: string, takenAt: string): string {
  return JSON.stringify({
    format: BASELINE_FORMAT,
    version: BASELINE_VERSION,
    name: model.settings.modelName.value,
    modelVersion: model.settings.modelVersion.value,
    fingerprint,
    takenAt,
    model,
  });
}

/** Reads a snapshot back: the model, its results re-derived, and what it says about itself. */
export function parseBaselineSnapshot(text: string): { snapshot: BaselineSnapshot } | { error: string } {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return { error: "the baseline snapshot is not readable (damaged or cut short); save the baseline again" };
  }
  const d = doc as Record<string, unknown> | null;
  if (!d || d.format !== BASELINE_FORMAT) return { error: "the add-in's baseline sheet does not hold a baseline snapshot" };
  if (d.version !== BASELINE_VERSION) return { error: `the baseline snapshot is version ${String(d.version)}; this add-in reads version ${BASELINE_VERSION}` };
  const model = d.model as VolumeModel;
  let fingerprint: string;
  try {
    fingerprint = fingerprintModel(model);
  } catch {
    return { error: "the baseline snapshot's model is damaged; save the baseline again" };
  }
  if (fingerprint !== d.fingerprint) return { error: "the baseline snapshot does not match its fingerprint (it was changed by hand?); save the baseline again" };
  return {
    snapshot: {
      name: String(d.name ?? ""),
      version: String(d.modelVersion ?? ""),
      fingerprint,
      takenAt: String(d.takenAt ?? ""),
      model,
      results: deriveRates(model),
    },
  };
}
