import fc from "fast-check";
import { csvField, formatCsv, formatNumber } from "./format-csv";

/** A strict RFC 4180 reader, to check what the writer produces. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (ch === '"') quoted = false; else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") { row.push(field); field = ""; } else if (ch === "\n") { row.push(field); rows.push(row); row = []; field = ""; } else field += ch;
  }
  return rows;
}

describe("formatCsv", () => {
  it("prints numbers in JavaScript's shortest round-trip form", () => {
    expect(formatNumber(0.1 + 0.2)).toBe("0.30000000000000004");
    expect(formatNumber(-0)).toBe("0");
    expect(formatNumber(1234567.5)).toBe("1234567.5");
    fc.assert(fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => expect(Number(formatNumber(x))).toBe(Object.is(x, -0) ? 0 : x)));
  });

  it("quotes per RFC 4180 and round-trips any text", () => {
    fc.assert(
      fc.property(fc.array(fc.string(), { minLength: 1, maxLength: 4 }), (cells) => {
        const safe = cells.map((c) => (/^[=+\-@\t\r]/.test(c) ? `x${c}` : c));
        const text = formatCsv({ file: "issues.csv", columns: safe.map((_, i) => `c${i}`), rows: [safe] });
        expect(parseCsv(text)[1]).toEqual(safe);
      }),
    );
  });

  it("neutralises text a spreadsheet would run as a formula", () => {
    expect(csvField("=HYPERLINK(\"x\")")).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField("-1+2")).toBe("'-1+2");
    expect(csvField("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvField(-5)).toBe("-5");
  });

  it("writes a header, \\n line ends, blanks for null and a final newline", () => {
    expect(formatCsv({ file: "provider-summary.csv", columns: ["a", "b"], rows: [[1, null], ["x,y", 2]] })).toBe('a,b\n1,\n"x,y",2\n');
  });
});
