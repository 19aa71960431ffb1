/**
 * Shapley attribution of a change over the five input groups: every coalition of groups
 * taken from the model (the rest from the baseline) is derived by the engine (at most
 * 2^5 = 32 runs), and each group gets its average marginal effect over all orders in which
 * the groups could be switched. The parts sum to v(model) − v(baseline) whatever the order.
 * A group whose inputs are the same on both sides builds the same hybrid either way, so
 * only the 2^k coalitions of the k groups that moved are derived (its part is exactly 0).
 */
import { deriveRates } from "../derive/derive-rates";
import { foldKey } from "../parse/cell-values";
import { HOURS } from "../model/types";
import { dmcSeries, summaryOf, transactionSeries } from "../model/results";
import { exhaustive } from "../model/exhaustive";
import { INPUT_GROUPS, MEASURES, TOP_CONTRIBUTORS, type Contributor, type GroupPart, type InputGroup, type Measure } from "./compare-types";
import { assembleHybrid, buildHybridFrame, type HybridFrame, type Side } from "./build-hybrid";

const GROUPS = INPUT_GROUPS.length;
const COALITIONS = 1 << GROUPS;

/** Per coalition, for each provider: both measures, and each DMC's and row's share of them. */
interface Evaluation {
  /** [provider][measure] */
  readonly totals: Float64Array;
  /** [provider][dmc][measure] */
  readonly dmcs: Float64Array;
  /** [provider][row][measure] */
  readonly rows: Float64Array;
}

export interface Attribution {
  readonly frame: HybridFrame;
  /** Groups whose inputs differ between the two sides for this phase pair. */
  readonly moved: readonly InputGroup[];
  /** By frame provider index, then measure: one part per group. */
  readonly parts: readonly (Readonly<Record<Measure, readonly GroupPart[]>>)[];
}

function popcount(x: number): number {
  let n = 0;
  for (let v = x; v; v &= v - 1) n++;
  return n;
}

function factorial(n: number): number {
  return n <= 1 ? 1 : n * factorial(n - 1);
}

/** Shapley weight of a coalition of `size` groups not containing the group being priced. */
const WEIGHTS = Array.from({ length: GROUPS }, (_, size) => (factorial(size) * factorial(GROUPS - size - 1)) / factorial(GROUPS));

function evaluate(frame: HybridFrame, coalition: number): Evaluation {
  const hybrid = assembleHybrid(frame, coalition);
  const results = deriveRates(hybrid);
  const R = frame.providers.length;
  const D = frame.dmcs.length;
  const T = frame.rows.length;
  const totals = new Float64Array(R * 2);
  const dmcs = new Float64Array(R * D * 2);
  const rows = new Float64Array(R * T * 2);
  // Each row is its own series (see assembleHybrid); a figure is the sum of its items'
  // loads, over the day or at the figure's peak hour.
  for (let p = 0; p < R; p++) {
    const summary = summaryOf(results, 0, p);
    totals[p * 2] = summary.dailyTotal;
    totals[p * 2 + 1] = summary.peakPerHour;
    const fill = (count: number, series: (item: number) => Float64Array, out: Float64Array): void => {
      for (let i = 0; i < count; i++) {
        const loads = series(i);
        let daily = 0;
        for (let h = 0; h < HOURS; h++) daily += loads[h] as number;
        out[(p * count + i) * 2] = daily;
        out[(p * count + i) * 2 + 1] = loads[summary.peakHour] as number;
      }
    };
    fill(D, (d) => dmcSeries(results, 0, p, d), dmcs);
    fill(T, (i) => transactionSeries(results, 0, p, i), rows);
  }
  return { totals, dmcs, rows };
}

/** Σ over coalitions S without g of weight(|S|) × (f(S ∪ g) − f(S)). */
function shapley(group: number, f: (coalition: number) => number): number {
  const bit = 1 << group;
  let sum = 0;
  for (let s = 0; s < COALITIONS; s++) {
    if (s & bit) continue;
    sum += (WEIGHTS[popcount(s)] as number) * (f(s | bit) - f(s));
  }
  return sum;
}

function topContributors(kind: Contributor["kind"], byName: Map<string, { name: string; value: number }>): Contributor[] {
  return [...byName.values()]
    .filter((c) => c.value !== 0)
    .sort((a, b) => Math.abs(b.value) - Math.abs(a.value))
    .slice(0, TOP_CONTRIBUTORS)
    .map((c) => ({ kind, name: c.name, value: c.value }));
}

/** Bits of the groups whose hybrid differs when only they come from the model. */
function movedMask(frame: HybridFrame): number {
  const none = JSON.stringify(assembleHybrid(frame, 0));
  let mask = 0;
  for (let g = 0; g < GROUPS; g++) if (JSON.stringify(assembleHybrid(frame, 1 << g)) !== none) mask |= 1 << g;
  return mask;
}

/**
 * Attributes the change of daily_total and peak_per_hour of every provider between the
 * baseline's phase and the model's phase to the five input groups, and below each group
 * to its DMCs, transactions or profiles (the same Shapley sum taken item by item: a
 * provider's figure is the sum of its DMCs' and of its rows' loads at the figure's hour).
 * @example attributeChange(baselineSide, modelSide).parts[0].dailyTotal[0].value
 */
export function attributeChange(baseline: Side, model: Side): Attribution {
  const frame = buildHybridFrame(baseline, model);
  const moved = movedMask(frame);
  // Groups that did not move are taken from the model: the same hybrid as from the baseline.
  const cache = new Map<number, Evaluation>();
  const evaluations = Array.from({ length: COALITIONS }, (_, c): Evaluation => {
    const canonical = c | (~moved & (COALITIONS - 1));
    let e = cache.get(canonical);
    if (!e) cache.set(canonical, (e = evaluate(frame, canonical)));
    return e;
  });
  const D = frame.dmcs.length;
  const T = frame.rows.length;
  const parts = frame.providers.map((_, p) => {
    const perMeasure = {} as Record<Measure, GroupPart[]>;
    MEASURES.forEach((measure, m) => {
      perMeasure[measure] = INPUT_GROUPS.map((group, g): GroupPart => {
        const value = shapley(g, (c) => evaluations[c]?.totals[p * 2 + m] as number);
        const byName = new Map<string, { name: string; value: number }>();
        const add = (key: string, name: string, v: number): void => {
          const entry = byName.get(key);
          if (entry) entry.value += v;
          else byName.set(key, { name, value: v });
        };
        const kind = contributorKind(group);
        if (kind === "dmc") {
          for (let d = 0; d < D; d++) {
            const dmc = frame.dmcs[d];
            if (dmc) add(dmc.key, dmc.name, shapley(g, (c) => evaluations[c]?.dmcs[(p * D + d) * 2 + m] as number));
          }
        } else if (kind === "setting") {
          add("contingency", "Contingency", value);
        } else {
          for (let i = 0; i < T; i++) {
            const row = frame.rows[i];
            if (!row) continue;
            const v = shapley(g, (c) => evaluations[c]?.rows[(p * T + i) * 2 + m] as number);
            if (kind === "profile") add(foldKey(row.profileName), row.profileName, v);
            else add(foldKey(row.name), row.name, v);
          }
        }
        return { group, value, contributors: topContributors(kind, byName) };
      });
    });
    return perMeasure;
  });
  return { frame, moved: INPUT_GROUPS.filter((_, g) => moved & (1 << g)), parts };
}

/** What a group's contributors are: DMCs, transactions, profiles or settings. */
function contributorKind(group: InputGroup): Contributor["kind"] {
  switch (group) {
    case "volumes":
      return "dmc";
    case "rates":
    case "routing":
      return "transaction";
    case "profiles":
      return "profile";
    case "settings":
      return "setting";
    default:
      return exhaustive(group);
  }
}
