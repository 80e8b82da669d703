/**
 * Batches finish out of order when several are in flight. The checkpoint may only move past a
 * batch when it and every batch before it are done, so that a resume never skips a document.
 * `complete` returns the batches that just joined the unbroken prefix, in order.
 */
export class ContiguousBatches<T> {
  private readonly finished = new Map<number, T>();
  private next = 0;

  complete(seq: number, value: T): T[] {
    this.finished.set(seq, value);
    const joined: T[] = [];
    for (let v = this.finished.get(this.next); v !== undefined; v = this.finished.get(this.next)) {
      joined.push(v);
      this.finished.delete(this.next++);
    }
    return joined;
  }
}
