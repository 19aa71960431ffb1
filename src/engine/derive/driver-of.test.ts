import type { VolumeRow } from "../model/types";
import { driverOf } from "./driver-of";

const volume: VolumeRow = {
  phase: 0,
  dmc: 0,
  population: { value: 1000, cell: "'Volumes'!C2" },
  migrationsPerDay: { value: 100, cell: "'Volumes'!D2" },
  installsPerDay: { value: 7, cell: "'Volumes'!E2" },
};

describe("driverOf", () => {
  it("drives Migration by migrations, Install by installs and Traffic by population, with their cells", () => {
    expect(driverOf(volume, "Migration")).toEqual({ column: "MigrationsPerDay", value: 100, cell: "'Volumes'!D2" });
    expect(driverOf(volume, "Install")).toEqual({ column: "InstallsPerDay", value: 7, cell: "'Volumes'!E2" });
    expect(driverOf(volume, "Traffic")).toEqual({ column: "Population", value: 1000, cell: "'Volumes'!C2" });
  });

  it("gives a zero driver with no cell when the DMC has no Volumes row", () => {
    expect(driverOf(undefined, "Traffic")).toEqual({ column: "Population", value: 0, cell: "" });
  });
});
