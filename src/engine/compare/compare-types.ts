/** What a comparison of a model with a baseline returns (spec section 5). */

/** The input groups a change is attributed to, in the order they are reported. */
export const INPUT_GROUPS = ["volumes", "rates", "profiles", "routing", "settings"] as const;
export type InputGroup = (typeof INPUT_GROUPS)[number];

export const GROUP_LABELS: { readonly [G in InputGroup]: string } = {
  volumes: "populations and volumes",
  rates: "rates and overrides",
  profiles: "profiles",
  routing: "routing",
  settings: "settings (Contingency, BurstFactor)",
};

/** The two figures compared for each phase and provider. */
export const MEASURES = ["dailyTotal", "peakPerHour"] as const;
export type Measure = (typeof MEASURES)[number];

export type Verdict = "BROADLY_AS_PREDICTED" | "CHANGED";

/** One named input below a group, with its share of the group's part. */
export interface Contributor {
  readonly kind: "dmc" | "transaction" | "profile" | "setting";
  readonly name: string;
  readonly value: number;
}

/** One group's share of a change (its Shapley value), with its top contributors. */
export interface GroupPart {
  readonly group: InputGroup;
  readonly value: number;
  /** Largest first by size, at most `TOP_CONTRIBUTORS`, zero shares left out. */
  readonly contributors: readonly Contributor[];
}

export interface FigureChange {
  readonly baseline: number;
  readonly model: number;
  /** model − baseline. */
  readonly change: number;
  /** change / baseline; 0 when both are 0; null when only the baseline is 0. */
  readonly relativeChange: number | null;
  /** |change| ≤ Tolerance × baseline. */
  readonly withinTolerance: boolean;
  /** One part per group in `INPUT_GROUPS` order; they sum to `change` (to rounding). */
  readonly parts: readonly GroupPart[];
}

export interface CompareRow {
  /** Position in key order: phase pairs as compared, then providers (model's first). */
  readonly order: number;
  /** The model's phase, and the baseline's phase it is compared with. */
  readonly phase: string;
  readonly baselinePhase: string;
  readonly provider: string;
  /** Whether the provider exists in each workbook (a missing one counts as 0). */
  readonly inBaseline: boolean;
  readonly inModel: boolean;
  readonly baselinePeakHour: number;
  readonly modelPeakHour: number;
  readonly dailyTotal: FigureChange;
  readonly peakPerHour: FigureChange;
  readonly withinTolerance: boolean;
}

export interface ModelIdentity {
  readonly name: string;
  readonly version: string;
  readonly fingerprint: string;
}

export interface Comparison {
  readonly verdict: Verdict;
  /** The model's Tolerance setting: the band every figure is judged against. */
  readonly tolerance: number;
  readonly baselineTolerance: number;
  readonly baseline: ModelIdentity;
  readonly model: ModelIdentity;
  readonly phasePairs: readonly { readonly phase: string; readonly baselinePhase: string }[];
  /** Groups whose inputs differ between the two models (whether or not a figure moved). */
  readonly movedGroups: readonly InputGroup[];
  /** Rows outside the band first (largest relative change first), then the rest in phase and provider order. */
  readonly rows: readonly CompareRow[];
}

export const TOP_CONTRIBUTORS = 5;
