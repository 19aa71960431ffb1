import { checkRows, src } from "../../../../test/support/rule-harness";
import type { Generation } from "../../model/types";
import { volumeGeneration } from "./volume-generation";

const row = (generation: Generation | undefined, migrations: number, installs: number) => ({
  phase: { text: undefined, index: undefined },
  dmc: { text: src("D", "'V'!B2"), index: 0 },
  generation,
  migrationsPerDay: src(migrations, "'V'!D2"),
  installsPerDay: src(installs, "'V'!E2"),
});

describe("volumeGeneration", () => {
  it("reports migrations of SMETS2+ at MigrationsPerDay and installs of SMETS1 at InstallsPerDay", () => {
    const found = checkRows(volumeGeneration, [row("SMETS2+", 5, 5), row("SMETS1", 5, 5), row("SMETS1", 5, 0), row(undefined, 5, 5)]);
    expect(found.map((r) => r.map((i) => i.cell))).toEqual([["'V'!D2"], ["'V'!E2"], [], []]);
  });
});
