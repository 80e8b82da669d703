import { randomUUID } from 'node:crypto';
import { CutoverOptionsSchema, type CutoverOptions, type CutoverProgress, type CutoverStep, type CutoverVerify } from '../../../shared/cutover';
import { AppError, isAppError } from '../../../shared/errors';
import { followHooks, startFollowing, type Follower } from '../change-capture';
import { switchVariables } from '../change-capture/switch-variables';
import type { MigrationContext } from '../context';
import { selectCollections, startMigration, type MigrationJob } from '../migration-job';
import { verifyMigration } from '../verify-migration';
import { addSample, waitingFor } from './cutover-steps';

export interface CutoverJob {
  id: string;
  progress(): CutoverProgress;
  /** Called a few times a second while the job runs, and once at the end. Returns unsubscribe. */
  onProgress(listener: (progress: CutoverProgress) => void): () => void;
  /** The DBA has stopped writes to MongoDB: drain, then verify as chosen. Refused before "in sync". */
  confirmStopWrites(verify: CutoverVerify): void;
  cancel(): void;
  /** Always resolves, also when the cutover fails (state 'failed', `error` set). */
  done: Promise<CutoverProgress>;
}

const EMIT_MS = 500;
const SAMPLE_MS = 1000;
/** In sync for this long in a row before the stop-writes step: one good read is not a trend. */
const SETTLED_MS = 2000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The whole cutover as one job: full load (the oplog position recorded first) → catching up →
 * in sync (lag under the DBA's threshold, for SETTLED_MS) → the DBA confirms writes to MongoDB
 * stopped → drain to lag 0 → the final verify → the variables that switch the application.
 * Change capture keeps applying while the job waits for the DBA.
 */
export function startCutover(ctx: MigrationContext, input: Partial<CutoverOptions> = {}): CutoverJob {
  const parsed = CutoverOptionsSchema.safeParse(input);
  if (!parsed.success) throw new AppError('VALIDATION', `Invalid cutover options: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const cutover = new Cutover(ctx, parsed.data);
  return {
    id: cutover.id,
    progress: () => cutover.snapshot(),
    onProgress: (listener) => cutover.listen(listener),
    confirmStopWrites: (verify) => cutover.confirm(verify),
    cancel: () => cutover.cancel(),
    done: cutover.run(),
  };
}

class Cutover {
  readonly id = randomUUID();
  private readonly started = Date.now();
  private readonly listeners = new Set<(progress: CutoverProgress) => void>();
  private readonly aborter = new AbortController();
  private current: CutoverProgress;
  private migration: MigrationJob | undefined;
  private follower: Follower | undefined;
  private confirmed: ((verify: CutoverVerify | undefined) => void) | undefined;

  constructor(private readonly ctx: MigrationContext, private readonly options: CutoverOptions) {
    this.current = this.initial();
  }

  private initial(): CutoverProgress {
    return {
      jobId: this.id, state: 'running', step: 'full-load', waitingFor: '', lagThresholdSeconds: this.options.lagThresholdSeconds,
      collections: selectCollections(this.options.collections).map((c) => c.name), startedAt: new Date(this.started).toISOString(),
      elapsedMs: 0, lagHistory: [],
    };
  }

  snapshot(): CutoverProgress {
    const running = this.current.state === 'running';
    const load = this.migration?.progress() ?? this.current.load;
    const lag = running && this.follower ? this.follower.status() : this.current.lag;
    const next = { ...this.current, ...(load ? { load } : {}), ...(lag ? { lag } : {}), elapsedMs: running ? Date.now() - this.started : this.current.elapsedMs };
    return { ...next, waitingFor: waitingFor(next.step, next) };
  }

  listen(listener: (progress: CutoverProgress) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(): void {
    const snapshot = this.snapshot();
    for (const listener of this.listeners) {
      try { listener(snapshot); } catch {}
    }
  }

  private step(step: CutoverStep, change: Partial<CutoverProgress> = {}): void {
    this.current = { ...this.current, ...change, step };
    this.emit();
  }

  private checkCancelled(): void {
    if (this.aborter.signal.aborted) throw new AppError('CANCELLED', 'The cutover was cancelled.');
  }

  confirm(verify: CutoverVerify): void {
    if (this.current.state !== 'running' || this.current.step !== 'in-sync' || !this.confirmed) {
      throw new AppError('CONFLICT', `The stop-writes step is not open: the cutover is ${this.current.state === 'running' ? `at "${this.current.step}"` : this.current.state}. Confirm once it is in sync.`);
    }
    this.confirmed(verify);
    this.confirmed = undefined;
  }

  cancel(): void {
    this.aborter.abort();
    this.migration?.cancel();
    this.follower?.stop();
    this.confirmed?.(undefined);
  }

  private end(error: unknown): void {
    const failure = isAppError(error) ? error : new AppError('INTERNAL', (error as Error)?.message ?? String(error));
    const cancelled = this.aborter.signal.aborted;
    const lag = this.follower?.status();
    this.current = {
      ...this.current, state: cancelled ? 'cancelled' : 'failed', elapsedMs: Date.now() - this.started, ...(lag ? { lag } : {}),
      ...(cancelled ? {} : { error: { code: failure.code, message: failure.message, ...(failure.details ? { details: failure.details } : {}) } }),
    };
  }

  private sample(): void {
    if (this.follower && this.current.state === 'running') this.current = { ...this.current, lagHistory: addSample(this.current.lagHistory, this.follower.status()) };
  }

  /** The copy, with the oplog checked (refused with what is missing) and its position recorded first. */
  private async fullLoad(): Promise<void> {
    const { collections, concurrency, profile } = this.options;
    this.migration = startMigration(this.ctx, { collections, ...(concurrency ? { concurrency } : {}), ...(profile ? { profile } : {}) }, followHooks(this.ctx));
    const summary = await this.migration.done;
    this.current = { ...this.current, load: summary };
    this.migration = undefined;
    this.checkCancelled();
    if (summary.state !== 'completed') throw new AppError(summary.error ? (summary.error.code as AppError['code']) : 'INTERNAL', summary.error?.message ?? `The full load ended ${summary.state}.`);
  }

  /** Follows the oplog until the lag has stayed under the threshold for SETTLED_MS. */
  private async catchUp(): Promise<void> {
    this.follower = startFollowing(this.ctx, { inSyncSeconds: this.options.lagThresholdSeconds });
    this.step('catching-up');
    let since: number | undefined;
    for (;;) {
      await sleep(250);
      this.checkCancelled();
      const status = this.follower.status();
      if (status.state === 'failed') throw new AppError(status.error?.code ?? 'INTERNAL', status.error?.message ?? 'Change capture failed.');
      since = status.state === 'in-sync' ? (since ?? Date.now()) : undefined;
      if (since !== undefined && Date.now() - since >= SETTLED_MS) return;
    }
  }

  /** Waits for the DBA; change capture keeps applying meanwhile. */
  private async stopWrites(): Promise<CutoverVerify> {
    const verify = await new Promise<CutoverVerify | undefined>((resolve) => {
      this.confirmed = resolve;
      this.step('in-sync');
    });
    this.checkCancelled();
    this.current = { ...this.current, stopWritesConfirmedAt: new Date().toISOString(), verify: { ...verify, done: 0, total: 0 } };
    return verify!;
  }

  private async drain(): Promise<void> {
    const follower = this.follower!;
    this.step('draining');
    await follower.drained();
    this.checkCancelled();
    follower.stop();
    const final = await follower.done;
    this.current = { ...this.current, lag: final, lagHistory: addSample(this.current.lagHistory, final) };
    this.follower = undefined;
    if (final.state === 'failed') throw new AppError(final.error?.code ?? 'INTERNAL', final.error?.message ?? 'Change capture failed while draining.');
  }

  private async verify(choice: CutoverVerify): Promise<void> {
    this.step('verifying');
    const { collections, profile } = this.options;
    const onProgress = (done: number, total: number, phase?: string) => {
      this.current = { ...this.current, verify: { ...choice, done, total, ...(phase ? { phase } : {}) } };
    };
    const result = await verifyMigration({ ...this.ctx, signal: this.aborter.signal }, { collections, ...(choice.sample ? { sample: choice.sample } : {}), ...(profile ? { profile } : {}) }, onProgress);
    this.checkCancelled();
    const verify = { ...this.current.verify!, result };
    this.step('switch', { verify, ...(result.ok ? { switchVariables: switchVariables(this.ctx) } : {}) });
  }

  async run(): Promise<CutoverProgress> {
    const emitter = setInterval(() => this.emit(), EMIT_MS);
    const sampler = setInterval(() => this.sample(), SAMPLE_MS);
    try {
      await this.fullLoad();
      await this.catchUp();
      const verify = await this.stopWrites();
      await this.drain();
      await this.verify(verify);
      this.current = { ...this.current, state: 'completed', elapsedMs: Date.now() - this.started };
    } catch (error) {
      this.end(error);
    } finally {
      clearInterval(emitter);
      clearInterval(sampler);
      this.follower?.stop();
      await this.follower?.done;
      this.emit();
    }
    return this.snapshot();
  }
}
