import { createXmlScanner, type XmlAttributes } from "./xml-scanner";

export type { XmlAttributes } from "./xml-scanner";

/** What an SpreadsheetML part reader listens to; element names come without their prefix. */
export interface XmlHandlers {
  open?(name: string, attributes: XmlAttributes): void;
  close?(name: string): void;
  text?(text: string): void;
}

/** A streaming XML parser: feed text chunks, then `end()`. */
export interface XmlStream {
  write(chunk: string): void;
  end(): void;
}

/** The local part of a qualified name: `x:c` -> `c`. Strict and transitional files differ only in namespaces. */
export const localName = (qname: string): string => {
  const colon = qname.indexOf(":");
  return colon < 0 ? qname : qname.slice(colon + 1);
};

/**
 * An attribute by local name, whatever its prefix (`r:id` in transitional files, another
 * prefix bound to the Strict relationships namespace in Strict ones).
 * @example attribute({ "r:id": "rId1" }, "id") // "rId1"
 */
export function attribute(attributes: XmlAttributes, local: string): string | undefined {
  const direct = attributes[local];
  if (direct !== undefined) return direct;
  for (const name in attributes) if (localName(name) === local) return attributes[name];
  return undefined;
}

const ignore = (): void => undefined;

/**
 * A streaming, event-based XML parser (xml-scanner.ts: entities and CDATA decoded,
 * self-closing tags closed, the events htmlparser2 gives in XML mode) that reports element
 * local names.
 */
export function createXmlStream(handlers: XmlHandlers): XmlStream {
  const { open, close, text } = handlers;
  return createXmlScanner({
    open: open ? (name, attributes) => open(localName(name), attributes) : ignore,
    close: close ? (name) => close(localName(name)) : ignore,
    text: text ?? ignore,
  });
}

/** Parses a whole part held as text. */
export function parseXml(xml: string, handlers: XmlHandlers): void {
  const stream = createXmlStream(handlers);
  stream.write(xml);
  stream.end();
}

/**
 * Decodes the `_xHHHH_` escapes SpreadsheetML uses for characters XML cannot carry (and
 * Excel uses for line breaks in names): `Line_x000A_Two` -> "Line\nTwo".
 */
export function decodeXstring(text: string): string {
  return text.indexOf("_x") < 0 ? text : text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
