/** Every command, in the order `sctvm --help` lists them. Adding a command: one file, one line here. */
import type { Command } from "../command";
import { compare } from "./compare";
import { compute } from "./compute";
import { demo } from "./demo";
import { evidence } from "./evidence";
import { explain } from "./explain";
import { exportCommand } from "./export";
import { validate } from "./validate";

export const COMMANDS: readonly Command[] = [validate, compute, explain, demo, exportCommand, compare, evidence];
