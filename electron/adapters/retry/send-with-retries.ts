import { backoffDelay, DEFAULT_RETRY, isThrottling, isTransient, sleep, type RetryPolicy } from './backoff';

/** How a job reaches into its requests: cancel, pause, and what the concurrency limiter hears. */
export interface RetryControl {
  policy?: RetryPolicy;
  /** Cancel: aborts the request in flight and the backoff sleep for good. */
  signal?: AbortSignal;
  /**
   * Pause: aborted on pause (and cancel), a fresh one after resume. The attempt it interrupts is
   * sent again after resume (batch puts and gets are idempotent) and costs no retry.
   */
  attemptSignal?(): AbortSignal;
  waitIfPaused?(): Promise<void>;
  /** Heard on every throttled request and every answer with unprocessed entries. */
  onThrottled?(): void;
}

export interface RetryOutcome<P> {
  /** Entries still unprocessed when the throttling budget ran out (empty when all went through). */
  left: P[];
  reason?: string;
}

/**
 * Sends `pending` until every entry went through: `send` returns the entries DynamoDB left
 * unprocessed. Throttling and unprocessed entries are retried while the policy's budget of
 * retries without progress lasts, then returned as `left` (never dropped); transient failures
 * are retried on their own budget, then thrown; any other error is thrown at once.
 */
export async function sendWithRetries<P>(pending: P[], send: (pending: P[], signal: AbortSignal | undefined) => Promise<P[]>, control: RetryControl = {}): Promise<RetryOutcome<P>> {
  const policy = control.policy ?? DEFAULT_RETRY;
  let strikes = 0;
  let transient = 0;
  while (pending.length > 0) {
    await control.waitIfPaused?.();
    const signal = control.attemptSignal?.() ?? control.signal;
    try {
      if (strikes > 0) await sleep(backoffDelay(strikes, policy), signal);
      const unprocessed = await send(pending, signal);
      const progress = unprocessed.length < pending.length;
      if (unprocessed.length > 0) control.onThrottled?.();
      strikes = progress ? 0 : strikes + 1;
      transient = 0;
      pending = unprocessed;
    } catch (error) {
      if (interruptedByPause(signal, control)) continue;
      if (isThrottling(error)) {
        control.onThrottled?.();
        strikes++;
      } else if (isTransient(error) && transient < policy.transientRetries) {
        transient++;
        strikes++;
      } else {
        throw error;
      }
    }
    if (strikes > policy.throttleRetries) return { left: pending, reason: `still throttled after ${policy.throttleRetries} retries without progress (the table's capacity is exhausted)` };
  }
  return { left: [] };
}

/** The attempt's signal fired but the job was not cancelled: a pause, to be resumed. */
function interruptedByPause(signal: AbortSignal | undefined, control: RetryControl): boolean {
  return signal !== undefined && signal.aborted && !control.signal?.aborted;
}
