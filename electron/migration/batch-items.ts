import type { StoredRecord as Item } from '../adapters/ports';

/** Up to 25 items (BatchWriteItem's limit) and the stretch of the source they account for. */
export interface ItemBatch {
  /** Position in the collection's sequence of batches, for the checkpoint. */
  seq: number;
  items: Item[];
  keys: string[];
  /** The source position (SourcePage.markAt) after the last record this batch accounts for (written, failed or superseded). */
  lastId: unknown;
  /** Documents left out because a later document in the same batch has the same key. */
  superseded: number;
  /** Keys of this batch that an earlier batch wrote too (a duplicate key): these items replace those. */
  replaced: string[];
  /** Documents that produced no item (failed conversion, already logged). */
  unconverted: number;
  /** Items holding a field moved out of a document (fix rule `oversized: moveField`): their key → the document's key. */
  owners: Map<string, string>;
}

/** An item written beside a document's own (a moved field): its key and content. */
export interface ExtraItem {
  key: string;
  item: Item;
}

/**
 * What a written batch did for its documents: a document whose item or moved field's item
 * failed is one failure, and a moved field's item is not a document of its own.
 */
export function documentsOutcome(batch: ItemBatch, failedKeys: ReadonlySet<string>): { written: number; failed: number } {
  const documents = batch.items.length - batch.owners.size;
  const failed = new Set([...failedKeys].map((key) => batch.owners.get(key) ?? key)).size;
  return { written: documents - failed, failed };
}

/**
 * Groups items into batches of `size`. BatchWriteItem refuses two requests for one key, so a
 * repeated key replaces the earlier item: the later document wins, as it would if the two
 * were written one after the other. Documents that produced no item (failed conversion) still
 * move `lastId`, so a checkpoint covers them.
 */
export class BatchBuilder {
  private items = new Map<string, Item>();
  private owners = new Map<string, string>();
  private superseded = 0;
  private replaced: string[] = [];
  private unconverted = 0;
  private lastId: unknown;
  private seq = 0;
  private open = false;

  constructor(private readonly size = 25) {}

  /**
   * Adds a document's item (and the items of fields moved out of it); returns a full batch when
   * this one completed it, or when the document's items do not fit beside those pending (they
   * start the next batch). `repeated` says the key was seen before (in this batch or an earlier one).
   */
  add(key: string, item: Item, id: unknown, repeated = false, extra: ExtraItem[] = []): ItemBatch | undefined {
    const full = this.items.size > 0 && !this.items.has(key) && this.items.size + 1 + extra.length > this.size ? this.take() : undefined;
    if (this.items.delete(key)) {
      this.superseded++;
      for (const [extraKey, owner] of this.owners) {
        if (owner !== key) continue;
        this.items.delete(extraKey);
        this.owners.delete(extraKey);
      }
    } else if (repeated) this.replaced.push(key);
    this.items.set(key, item);
    for (const e of extra) {
      this.items.set(e.key, e.item);
      this.owners.set(e.key, key);
    }
    this.advance(id);
    return full ?? (this.items.size >= this.size ? this.take() : undefined);
  }

  /** Records a source document that produced no item. */
  skip(id: unknown): void {
    this.unconverted++;
    this.advance(id);
  }

  private advance(id: unknown): void {
    this.lastId = id;
    this.open = true;
  }

  /** The partial batch at the end of a collection, if anything is pending. */
  flush(): ItemBatch | undefined {
    return this.open ? this.take() : undefined;
  }

  private take(): ItemBatch {
    const batch: ItemBatch = { seq: this.seq++, items: [...this.items.values()], keys: [...this.items.keys()], lastId: this.lastId, superseded: this.superseded, replaced: this.replaced, unconverted: this.unconverted, owners: this.owners };
    this.items = new Map();
    this.owners = new Map();
    this.superseded = 0;
    this.replaced = [];
    this.unconverted = 0;
    this.open = false;
    return batch;
  }
}
