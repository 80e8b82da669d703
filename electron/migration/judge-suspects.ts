import type { CollectionSpec } from '../../shared/catalogue';
import type { CollectionVerify, FieldDifference } from '../../shared/migration';
import { compareItems } from './compare-items';
import type { Converted } from './conversion-rules';
import { convertDocument } from './convert-document';
import { duplicateProblem } from './duplicate-keys';
import type { KeyHashes } from './key-hashes';
import type { StoredRecord as Item } from '../adapters/ports';

/** Each list in a result stops here; a table this wrong needs a new migration, not a longer list. */
export const LIST_LIMIT = 1000;

export type Content = NonNullable<CollectionVerify['content']>;

/** A document whose item differs from the table's: judged once the whole source has been seen. */
export interface Suspect {
  key: string;
  differences: FieldDifference[];
}

/**
 * Suspects are held (not their items: those are read again when needed) up to the list limit;
 * past it they are only counted, and a collection with uncounted suspects cannot be called clean.
 */
export class Suspects {
  readonly list: Suspect[] = [];
  dropped = 0;

  add(suspect: Suspect): void {
    if (this.list.length < LIST_LIMIT) this.list.push(suspect);
    else this.dropped++;
  }
}

/** Reads the judgement needs: the source documents holding a key, and the table's item under it. */
export interface JudgeReads {
  holders(key: string): Promise<Item[]>;
  item(key: string): Promise<Item | undefined>;
  /** What a document should be in the table (the profile's rules applied); convertDocument when absent. */
  expected?(doc: Item): Converted;
}

export function push<T>(list: T[], value: T): void {
  if (list.length < LIST_LIMIT) list.push(value);
}

/**
 * A differing document whose key other documents share is not a difference in itself: the table
 * holds the last of them in `_id` order (as the copy leaves it), so that one is compared instead,
 * and the shared key is reported. The holders are looked up (`lookup`) in the source as it is now:
 * a winner deleted since the copy leaves an earlier document that differs from the table. A key
 * seen once is a plain difference, whatever its `_id` attribute says.
 */
export async function judgeSuspects(spec: CollectionSpec, suspects: Suspect[], keys: KeyHashes, content: Content, reads: JudgeReads): Promise<void> {
  const judged = new Set<string>();
  for (const suspect of suspects) {
    if (judged.has(suspect.key)) continue;
    judged.add(suspect.key);
    if (keys.count(suspect.key) < 2) {
      push(content.different, { id: suspect.key, differences: suspect.differences });
      continue;
    }
    const holders = await reads.holders(suspect.key);
    push(content.unmigratable, duplicateProblem(spec.name, suspect.key, holders.map((d) => d._id)));
    const winner = holders.length > 0 ? (reads.expected ?? ((doc) => convertDocument(doc, spec)))(holders.at(-1)!) : undefined;
    const actual = await reads.item(suspect.key);
    const differences = winner?.ok && actual ? compareItems(winner.item, actual) : suspect.differences;
    if (differences.length > 0) push(content.different, { id: suspect.key, differences });
  }
}
