import { describeHostError, hostError } from "./host-error";
import { officeCellValue, officeRows } from "./office-cell-value";

describe("officeCellValue", () => {
  it("makes an Error-typed cell an error value and an empty cell null", () => {
    expect(officeCellValue("#REF!", "Error")).toEqual({ error: "#REF!" });
    expect(officeCellValue("#N/A", "String")).toBe("#N/A");
    expect(officeCellValue("", "Empty")).toBeNull();
    expect(officeCellValue("")).toBeNull();
  });

  it("keeps numbers (dates are serials already), booleans and text as they are", () => {
    expect(officeRows([[44256, true, " IOC "]], [["Double", "Boolean", "String"]])).toEqual([[44256, true, " IOC "]]);
    expect(officeCellValue(0, "Double")).toBe(0);
  });
});

describe("hostError", () => {
  it("says what failed in one line, adds the Office.js code and keeps the host error as cause", () => {
    const cause = Object.assign(new Error("Access denied.\nStack..."), { code: "AccessDenied" });
    const error = hostError("write the result sheets", cause);
    expect(error.message).toBe("Excel could not write the result sheets: Access denied. (AccessDenied)");
    expect(error.cause).toBe(cause);
    expect(describeHostError("plain text")).toBe("plain text");
  });
});
