import { decodeXstring, parseXml } from "./xml-events";

/**
 * Collects the plain text of a string item (`<si>`, `<is>`): its `<t>`, or its rich-text
 * runs' `<t>`s joined; phonetic guides (`<rPh>`) are not part of the text.
 */
export class StringItemText {
  private depthInPhonetic = 0;
  private inText = false;
  private parts: string[] = [];

  open(name: string): void {
    if (name === "rPh") this.depthInPhonetic++;
    else if (name === "t" && this.depthInPhonetic === 0) this.inText = true;
  }

  close(name: string): void {
    if (name === "rPh") this.depthInPhonetic--;
    else if (name === "t") this.inText = false;
  }

  text(text: string): void {
    if (this.inText) this.parts.push(text);
  }

  /** The item's text so far; resets for the next item. */
  take(): string {
    const text = decodeXstring(this.parts.join(""));
    this.parts = [];
    return text;
  }
}

/** The shared string table, in index order. */
export function parseSharedStrings(xml: string): string[] {
  const strings: string[] = [];
  const item = new StringItemText();
  parseXml(xml, {
    open: (name) => item.open(name),
    close(name) {
      if (name === "si") strings.push(item.take());
      else item.close(name);
    },
    text: (text) => item.text(text),
  });
  return strings;
}
