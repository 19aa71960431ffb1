/** The parts of a worksheet or workbook with no cells: frozen panes, custom properties, defined names. */
import { StandinCollection, StandinError, StandinObject } from "./standin-context";
import type { StandinSheet, StandinWorkbook } from "./standin-workbook";

export class FreezePanesProxy extends StandinObject<StandinSheet> {
  protected scalars(): Record<string, (s: StandinSheet) => unknown> {
    return {};
  }
  freezeRows(count = 1): void {
    this.call((sheet) => {
      sheet.frozenRows = count;
    });
  }
  unfreeze(): void {
    this.call((sheet) => {
      sheet.frozenRows = 0;
    });
  }
}

interface PropertyRef {
  readonly sheet: StandinSheet;
  readonly key: string;
}

const propertyKey = (sheet: StandinSheet, key: string): string | undefined =>
  Object.keys(sheet.customProperties).find((k) => k.toLowerCase() === key.toLowerCase());

export class CustomPropertyCollectionProxy extends StandinCollection<StandinSheet, CustomPropertyProxy> {
  protected itemsOf(sheet: StandinSheet): CustomPropertyProxy[] {
    return Object.keys(sheet.customProperties).map((key) => new CustomPropertyProxy(this.context, () => ({ sheet, key })));
  }
  add(key: string, value: string): CustomPropertyProxy {
    return new CustomPropertyProxy(this.context, () => {
      const sheet = this.target();
      if (key.length === 0 || key.length > 255) throw new StandinError("InvalidArgument", "A custom property key must be 1 to 255 characters.");
      const existing = propertyKey(sheet, key) ?? key;
      sheet.customProperties[existing] = String(value);
      return { sheet, key: existing };
    });
  }
  getItem(key: string): CustomPropertyProxy {
    return new CustomPropertyProxy(this.context, () => {
      const sheet = this.target();
      const found = propertyKey(sheet, key);
      if (found === undefined) throw new StandinError("ItemNotFound", `The custom property '${key}' does not exist.`);
      return { sheet, key: found };
    });
  }
  getItemOrNullObject(key: string): CustomPropertyProxy {
    return new CustomPropertyProxy(this.context, () => {
      const sheet = this.target();
      const found = propertyKey(sheet, key);
      return found === undefined ? null : { sheet, key: found };
    });
  }
}

export class CustomPropertyProxy extends StandinObject<PropertyRef> {
  protected scalars(): Record<string, (p: PropertyRef) => unknown> {
    return { key: (p) => p.key, value: (p) => p.sheet.customProperties[p.key] };
  }
  get key(): string {
    return this.get("key");
  }
  get value(): string {
    return this.get("value");
  }
  set value(value: string) {
    this.set("value", value, (p, v) => {
      p.sheet.customProperties[p.key] = v;
    });
  }
  delete(): void {
    this.call((p) => {
      delete p.sheet.customProperties[p.key];
    });
  }
}

export class NamedItemCollectionProxy extends StandinCollection<StandinWorkbook, NamedItemProxy> {
  protected itemsOf(workbook: StandinWorkbook): NamedItemProxy[] {
    return workbook.names.map((name) => new NamedItemProxy(this.context, () => name));
  }
  getItemOrNullObject(name: string): NamedItemProxy {
    return new NamedItemProxy(this.context, () => this.target().names.find((n) => n.toLowerCase() === name.toLowerCase()) ?? null);
  }
}

export class NamedItemProxy extends StandinObject<string> {
  protected scalars(): Record<string, (n: string) => unknown> {
    return { name: (n) => n };
  }
  get name(): string {
    return this.get("name");
  }
}

