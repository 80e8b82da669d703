import { AppError } from '../../shared/errors';

/**
 * Exponential backoff with full jitter (AWS's recommendation for retried batch writes): the
 * wait before attempt n is uniform in [0, min(cap, base * 2^n)], so retries from many
 * in-flight batches spread out instead of arriving together.
 */
export interface BackoffPolicy {
  baseMs: number;
  capMs: number;
  /** Attempts after the first before the remaining requests are reported as failed. */
  maxRetries: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 25, capMs: 5000, maxRetries: 12 };

export function backoffDelay(attempt: number, policy: BackoffPolicy): number {
  return Math.random() * Math.min(policy.capMs, policy.baseMs * 2 ** attempt);
}

/** Waits `ms`; a cancelled job's signal ends the wait at once with CANCELLED. */
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
