import { escapeControls } from "./escape-controls";
import { issueLine } from "./io";
import { renderTable } from "./render-table";

describe("escapeControls", () => {
  it("shows line breaks, tabs, escape sequences and other controls as visible escapes", () => {
    expect(escapeControls("DSP\nsctvm: all PASS\r\t\u001b[31m\u0000\u2028")).toBe("DSP\\nsctvm: all PASS\\r\\t\\u001b[31m\\u0000\\u2028");
  });

  it("leaves ordinary text, including non-ASCII, alone", () => {
    expect(escapeControls("Zähler ≥ 5 — ok")).toBe("Zähler ≥ 5 — ok");
  });
});

describe("printed text stays on its lines", () => {
  it("keeps a warning about a header holding a line break on one line", () => {
    const line = issueLine({ severity: "warning", code: "UNKNOWN_COLUMN", table: "Transactions", cell: "'Transactions'!I1", message: 'Foo\nsctvm: all PASS: column is neither a known column nor a provider; ignored.' });
    expect(line.split("\n")).toHaveLength(1);
    expect(line).toContain("Foo\\nsctvm: all PASS");
  });

  it("keeps every table row on one line whatever the cells hold", () => {
    const text = renderTable(["phase", "provider"], [["IOC\nFOC", "DSP"], ["MOC", "S1SP\r\n--"]]);
    expect(text.split("\n")).toHaveLength(4);
    expect(text).toContain("IOC\\nFOC");
  });
});
