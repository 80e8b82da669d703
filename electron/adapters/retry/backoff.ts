import { AppError } from '../../../shared/errors';

/**
 * The engine's one retry policy, for writes (BatchWriteItem), reads and verify (BatchGetItem).
 *
 * - Exponential backoff with full jitter (AWS's recommendation for retried batches): the wait
 *   before retry n is uniform in [0, min(cap, base * 2^n)], so retries from many batches in
 *   flight spread out instead of arriving together.
 * - A budget of consecutive retries *without progress*: an attempt that gets some items or keys
 *   through resets it, so sustained throttling that still lets work through never fails a batch.
 *   Throttling (an empty capacity bucket: it fills again) gets a long budget; transient failures
 *   (5xx, a reset connection) a short one, like the SDK's 3 attempts it replaces.
 * - The engine's DynamoDB client makes one attempt per request (adapters/dynamodb/client.ts
 *   `engineClients`): the engine owns every retry, so there is no engine × SDK nesting.
 */
export interface RetryPolicy {
  baseMs: number;
  capMs: number;
  /** Consecutive throttled attempts without progress before the rest is reported as failed. */
  throttleRetries: number;
  /** Consecutive 5xx or connection failures before the error is thrown. */
  transientRetries: number;
}

export const DEFAULT_RETRY: RetryPolicy = { baseMs: 25, capMs: 5000, throttleRetries: 12, transientRetries: 4 };

export function backoffDelay(attempt: number, policy: RetryPolicy): number {
  return Math.random() * Math.min(policy.capMs, policy.baseMs * 2 ** attempt);
}

/** Waits `ms`; an aborted signal ends the wait at once with CANCELLED. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.reject(cancelled());
  return new Promise((resolve, reject) => {
    const stop = () => {
      clearTimeout(timer);
      reject(cancelled());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', stop);
      resolve();
    }, ms);
    signal?.addEventListener('abort', stop, { once: true });
  });
}

function cancelled(): AppError {
  return new AppError('CANCELLED', 'The job was cancelled.');
}

const THROTTLING = new Set(['ProvisionedThroughputExceededException', 'ThrottlingException', 'RequestLimitExceeded', 'LimitExceededException']);

/** DynamoDB's answers that mean "slow down and send the same request again". */
export function isThrottling(error: unknown): boolean {
  return THROTTLING.has((error as { name?: string }).name ?? '');
}

const TRANSIENT_CODES = new Set(['ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ECONNABORTED']);

/**
 * Failures where the same idempotent request may well succeed: DynamoDB's 5xx, a connection
 * reset or closed mid-answer. Not a refused connection (nothing listens: say so at once) nor a
 * request deadline (a stalled server is reported, not waited for again).
 */
export function isTransient(error: unknown): boolean {
  const e = error as { name?: string; code?: string; message?: string; $fault?: string; $metadata?: { httpStatusCode?: number } };
  if (e.name === 'AbortError' || e.name === 'RequestDeadlineExceeded') return false;
  if (e.$fault === 'server' || (e.$metadata?.httpStatusCode ?? 0) >= 500) return true;
  return TRANSIENT_CODES.has(e.code ?? '') || /socket hang up|ECONNRESET|EPIPE/.test(e.message ?? '');
}
