/** A test schedule: one phase and provider's hourly rates laid out over test time. */
import type { Stream } from "../model/types";

export type ScheduleShape = "step" | "ramp";
export const SCHEDULE_SHAPES: readonly ScheduleShape[] = ["step", "ramp"];

export interface ScheduleOptions {
  /** Model hours to run, inclusive; `from > to` wraps midnight (22-2 = 22, 23, 0, 1, 2). */
  readonly hours: { readonly from: number; readonly to: number };
  /** Test seconds that one model hour lasts; per-second intensity is kept. */
  readonly secondsPerHour: number;
  /** Multiplies every rate. */
  readonly scale: number;
  /** Each hour's peak second (per_hour × BurstFactor / 3600) instead of its mean. */
  readonly burst: boolean;
  readonly shape: ScheduleShape;
  /** Load generators sharing the run; rates in the schedule are for all of them together. */
  readonly engines: number;
  /** Base URL, no trailing slash. */
  readonly target: string;
  /** Assumed response time, for sizing virtual users / threads. */
  readonly responseTimeSeconds: number;
}

export const DEFAULT_SCHEDULE_OPTIONS: ScheduleOptions = {
  hours: { from: 0, to: 23 },
  secondsPerHour: 3600,
  scale: 1,
  burst: false,
  shape: "step",
  engines: 1,
  target: "http://127.0.0.1:8080",
  responseTimeSeconds: 0.5,
};

/** One step of test time: a whole model hour (step) or half of one (ramp). */
export interface ScheduleStep {
  readonly step: number;
  /** The model hour (0–23) this step plays. */
  readonly hour: number;
  readonly startSeconds: number;
  readonly durationSeconds: number;
}

export interface StepRate {
  readonly step: number;
  /** Requests per second at the start and the end of the step (all engines together). */
  readonly ratePerSecond: number;
  readonly endRatePerSecond: number;
  /** The integral of the rate over the step. */
  readonly expectedCount: number;
}

export interface ScheduleSeries {
  /** `{provider}/{transaction}`, plus ` ({stream})` when the transaction has more than one stream here. */
  readonly name: string;
  readonly transaction: string;
  readonly stream: Stream;
  readonly url: string;
  /** One per step, in step order. */
  readonly rates: readonly StepRate[];
}

export interface ScheduleTotals {
  readonly expectedCount: number;
  readonly durationSeconds: number;
  readonly steps: number;
  readonly series: number;
}

export interface Schedule {
  readonly model: { readonly name: string; readonly version: string; readonly fingerprint: string };
  readonly phase: string;
  readonly provider: string;
  readonly options: ScheduleOptions;
  /** An ISO time given by the caller (`--stamp`); never read from a clock. */
  readonly stamp: string | null;
  readonly totals: ScheduleTotals;
  readonly steps: readonly ScheduleStep[];
  /** Series with load in the chosen hours, in rates-by-transaction order. */
  readonly series: readonly ScheduleSeries[];
}
