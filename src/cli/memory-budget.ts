/** How much memory a derivation may take before a command refuses the model, and how to say so. */
import type { TooLarge } from "../engine";
import { UsageError } from "./usage-error";

/** The budget for what deriving a model allocates: a real Appendix A model takes a few MiB. */
export const DEFAULT_BUDGET_MIB = 768;
/** Environment variable that sets another budget (whole MiB), for a machine with more memory. */
export const BUDGET_ENV = "SCTVM_MEMORY_BUDGET_MIB";

const MIB = 1024 * 1024;
const mib = (bytes: number): string => `${Math.ceil(bytes / MIB).toLocaleString("en-GB")} MiB`;

/**
 * The budget in bytes: `SCTVM_MEMORY_BUDGET_MIB` when set, else 768 MiB.
 * @example memoryBudgetBytes({ SCTVM_MEMORY_BUDGET_MIB: "2048" }) // 2 GiB
 */
export function memoryBudgetBytes(env: Readonly<Record<string, string | undefined>> = process.env): number {
  const text = env[BUDGET_ENV];
  if (text === undefined || text.trim() === "") return DEFAULT_BUDGET_MIB * MIB;
  if (!/^\d+$/.test(text.trim()) || Number(text) < 1) throw new UsageError(`${BUDGET_ENV} must be a whole number of MiB (1 or more), got '${text}'`);
  return Number(text) * MIB;
}

/**
 * The one line for a model refused before deriving: the figure, the budget and the way out
 * (`--outputs` without rates-by-dmc where the command has it and that fits, else splitting).
 */
export function tooLargeMessage(file: string, t: TooLarge, outputsWithoutDmc?: string): string {
  const head = `${file} is too large to compute within the memory budget: deriving it takes ${mib(t.bytes)}, more than the ${mib(t.budgetBytes)} budget (${BUDGET_ENV})`;
  const split = "split the model by phase or by group of DMCs into smaller workbooks";
  if (outputsWithoutDmc !== undefined && t.bytesWithoutDmcSeries <= t.budgetBytes) {
    return `${head}; without rates-by-dmc it takes ${mib(t.bytesWithoutDmcSeries)}: run with --outputs ${outputsWithoutDmc}, or ${split}`;
  }
  return `${head}; ${split}, or raise ${BUDGET_ENV} on a machine with more memory`;
}
