/** The engine's own UTF-8 encoder must give Node's bytes for any text, lone surrogates included. */
import fc from "fast-check";
import { utf8Bytes } from "./utf8-bytes";

describe("utf8Bytes", () => {
  it("gives Buffer.from(text, 'utf8') for any text", () => {
    const halves = fc.constantFrom("\ud800", "\udbff", "\udc00", "\udfff", "a\ud83d", "\ude00b");
    const text = fc.array(fc.oneof(fc.string({ unit: "binary" }), fc.string({ unit: "grapheme" }), halves)).map((parts) => parts.join(""));
    fc.assert(
      fc.property(text, (t) => {
        expect(Buffer.from(utf8Bytes(t))).toEqual(Buffer.from(t, "utf8"));
      }),
      { numRuns: 500 },
    );
  });

  it("encodes the four UTF-8 lengths and a swapped surrogate pair", () => {
    expect([...utf8Bytes("a£€😀")]).toEqual([0x61, 0xc2, 0xa3, 0xe2, 0x82, 0xac, 0xf0, 0x9f, 0x98, 0x80]);
    expect([...utf8Bytes("\ude00\ud83d")]).toEqual([0xef, 0xbf, 0xbd, 0xef, 0xbf, 0xbd]);
  });
});
