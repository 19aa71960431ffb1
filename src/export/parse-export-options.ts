/** Export options from text (CLI arguments, pane fields) to `ScheduleOptions`, with clear errors. */
import { DEFAULT_SCHEDULE_OPTIONS, SCHEDULE_SHAPES, type ScheduleOptions, type ScheduleShape } from "../engine";

export interface RawExportOptions {
  readonly hours?: string;
  readonly secondsPerHour?: string;
  readonly scale?: string;
  readonly burst?: boolean;
  readonly shape?: string;
  readonly engines?: string;
  readonly target?: string;
  readonly responseTimeSeconds?: string;
}

export type ParsedExportOptions = { readonly ok: true; readonly options: ScheduleOptions } | { readonly ok: false; readonly errors: readonly string[] };

const HOUR = /^\s*(\d{1,2})\s*-\s*(\d{1,2})\s*$/;
const SINGLE_HOUR = /^\s*(\d{1,2})\s*$/;

function positiveNumber(text: string | undefined, option: string, fallback: number, errors: string[]): number {
  if (text === undefined) return fallback;
  const n = text.trim() === "" ? NaN : Number(text);
  if (!Number.isFinite(n) || n <= 0) errors.push(`${option} must be a number greater than 0, got '${text}'`);
  return n;
}

/**
 * @example parseExportOptions({ hours: "22-2", scale: "1.5" }) // { ok: true, options: { hours: { from: 22, to: 2 }, scale: 1.5, … } }
 */
export function parseExportOptions(raw: RawExportOptions): ParsedExportOptions {
  const errors: string[] = [];
  const d = DEFAULT_SCHEDULE_OPTIONS;
  let hours = d.hours;
  if (raw.hours !== undefined) {
    const m = HOUR.exec(raw.hours) ?? SINGLE_HOUR.exec(raw.hours);
    const from = Number(m?.[1]);
    const to = Number(m?.[2] ?? m?.[1]);
    if (!m || from > 23 || to > 23) errors.push(`--hours must be A-B with hours 0-23 (22-2 wraps midnight), got '${raw.hours}'`);
    else hours = { from, to };
  }
  const secondsPerHour = positiveNumber(raw.secondsPerHour, "--seconds-per-hour", d.secondsPerHour, errors);
  const scale = positiveNumber(raw.scale, "--scale", d.scale, errors);
  const responseTimeSeconds = positiveNumber(raw.responseTimeSeconds, "--response-time-s", d.responseTimeSeconds, errors);
  const engines = positiveNumber(raw.engines, "--engines", d.engines, errors);
  if (Number.isFinite(engines) && !Number.isInteger(engines)) errors.push(`--engines must be a whole number, got '${raw.engines}'`);
  const shape = (raw.shape ?? d.shape) as ScheduleShape;
  if (!SCHEDULE_SHAPES.includes(shape)) errors.push(`--shape must be step or ramp, got '${raw.shape}'`);
  let target = d.target;
  if (raw.target !== undefined) {
    const t = raw.target.trim().replace(/\/+$/, "");
    let url: URL | undefined;
    try {
      url = new URL(t);
    } catch {
      url = undefined;
    }
    if (!url || (url.protocol !== "http:" && url.protocol !== "https:") || url.search || url.hash || /[\s"'<>\\`{}|^]/.test(t)) {
      errors.push(`--target must be an http(s) URL without query or fragment, e.g. http://127.0.0.1:8080, got '${raw.target}'`);
    } else target = t;
  }
  if (errors.length) return { ok: false, errors };
  return { ok: true, options: { hours, secondsPerHour, scale, burst: raw.burst ?? false, shape, engines, target, responseTimeSeconds } };
}
