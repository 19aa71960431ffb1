import type { Generation, Sourced, Stream, TransactionGeneration } from "../model/types";

/** Rows as parsed, before the model is assembled; a field is undefined where its cell was bad. */
export interface NamedDraft {
  readonly name: string;
  readonly cell: string;
}

export interface PhaseDraft extends NamedDraft {
  readonly start: Sourced<number> | undefined;
  readonly end: Sourced<number> | undefined;
  readonly description: string;
}

export interface ProviderDraft extends NamedDraft {
  readonly description: string;
}

export interface DmcDraft extends NamedDraft {
  readonly generation: Generation | undefined;
  readonly description: string;
  readonly attributes: Record<string, string>;
}

export interface ProfileDraft extends NamedDraft {
  readonly shares: readonly (Sourced<number> | undefined)[];
}

export interface TransactionDraft extends NamedDraft {
  readonly generation: TransactionGeneration | undefined;
  readonly stream: Stream | undefined;
  readonly rate: Sourced<number> | undefined;
  readonly profile: number | undefined;
  readonly routing: readonly (Sourced<number> | undefined)[];
  readonly description: string;
}

/** Names defined by a table: folded name -> index, and whether the table could be read. */
export class Registry<T extends NamedDraft> {
  readonly items: T[] = [];
  private readonly index = new Map<string, number>();
  /** False when the table is missing: references to it are not checked. */
  readonly known: boolean;

  constructor(known: boolean) {
    this.known = known;
  }

  /** Adds an item; returns false (and keeps the first) when the folded name is taken. */
  add(key: string, item: T): boolean {
    if (this.index.has(key)) return false;
    this.index.set(key, this.items.length);
    this.items.push(item);
    return true;
  }

  find(key: string): number | undefined {
    return this.index.get(key);
  }
}
