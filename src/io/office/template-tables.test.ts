import { TABLE_NAMES } from "../../engine";
import { grid } from "../../../test/support/model-grids";
import { TEMPLATE_TABLES, templateCellValue, templateContent } from "./template-tables";

describe("template tables", () => {
  it("covers the spec's tables in order, with their required columns", () => {
    expect(TEMPLATE_TABLES.map((t) => t.name)).toEqual([...TABLE_NAMES]);
    const columns = Object.fromEntries(TEMPLATE_TABLES.map((t) => [t.name, t.columns]));
    expect(columns.Volumes).toEqual(["Phase", "DMC", "Population", "MigrationsPerDay", "InstallsPerDay"]);
    expect(columns.Profiles).toHaveLength(25);
    expect(columns.Profiles?.[24]).toBe("H23");
    // Every column spec v1.1 defines, the evidence-only ones (response time, error rate) included.
    expect(columns.PerformanceLevels).toEqual(["Provider", "Phase", "CapacityPerHour", "PeakPerSecond", "Headroom", "TargetResponseSeconds", "Percentile", "MaxErrorRate"]);
  });

  it("takes a sample table's rows by name (table first, then sheet), padded to the header's width", () => {
    const sample = {
      tables: [grid("phases", [["Phase", "StartDate"], ["IOC"]], { sheet: "Model", top: 3, left: 2 })],
      sheets: [grid("Providers", [["Provider", ""], ["DSP", "x"]])],
    };
    const phases = TEMPLATE_TABLES.find((t) => t.name === "Phases")!;
    expect(templateContent(phases, sample)).toEqual({ header: ["Phase", "StartDate"], rows: [["IOC", null]] });
    const providers = TEMPLATE_TABLES.find((t) => t.name === "Providers")!;
    expect(templateContent(providers, sample)).toEqual({ header: ["Provider", "Column2"], rows: [["DSP", "x"]] });
    const dmcs = TEMPLATE_TABLES.find((t) => t.name === "DMCs")!;
    expect(templateContent(dmcs, sample)).toEqual({ header: ["DMC", "Generation", "Description"], rows: [] });
  });

  it("keeps text Excel would convert as text with an apostrophe, and leaves the rest alone", () => {
    expect(["1.0", "2021-03-01", "TRUE", "#N/A", "=SUM(A1)", "-x", "+1", "'quoted", "12%"].map(templateCellValue)).toEqual([
      "'1.0", "'2021-03-01", "'TRUE", "'#N/A", "'=SUM(A1)", "'-x", "'+1", "''quoted", "'12%",
    ]);
    expect(["IOC", "SRV 4.6.1", "S1-ALD-ELEC-01", ""].map(templateCellValue)).toEqual(["IOC", "SRV 4.6.1", "S1-ALD-ELEC-01", ""]);
    expect([null, 3, false, { error: "#REF!" }].map(templateCellValue)).toEqual(["", 3, false, "#REF!"]);
  });
});
