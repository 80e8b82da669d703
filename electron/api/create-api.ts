import {
  calls, streams, isCallName, isStreamName,
  type Outcome, type StreamName,
} from '../../shared/contract';
import { AppError } from '../../shared/errors';
import { createApiCore, type Handlers } from './api-core';
import type { ApiDeps } from './api-deps';
import { browseHandlers } from './browse-handlers';
import { connectionHandlers } from './connection-handlers';
import { cutoverHandlers } from './cutover-handlers';
import { toErrorData, validationError } from './error-data';
import { ExportSessions } from './export-sessions';
import { featureHandlers } from './feature-handlers';
import type { JobKind, JobRegistry } from './job-registry';
import { migrationHandlers } from './migration-handlers';
import { SandboxSession, sandboxHandlers } from './sandbox-session';
import { verifyHandlers } from './verify-handlers';

export interface Api {
  /** Validates `input` against the call's schema, runs it, and returns the outcome as plain data. */
  call(name: string, input: unknown): Promise<Outcome<unknown>>;
  /** Validates, then sends the stream's latest event at once and every later one to `listener`. */
  subscribe(name: string, input: unknown, listener: (event: unknown) => void): Promise<Outcome<() => void>>;
  close(): Promise<void>;
}

/** The contract's one implementation. It knows nothing of IPC or HTTP: transports call it. */
export function createApi<Context>(deps: ApiDeps<Context>): Api {
  const core = createApiCore(deps);
  const sandbox = new SandboxSession(deps);
  // One module per namespace; the type makes a call the contract adds and no module handles a compile error.
  const handlers: Handlers = {
    ...connectionHandlers(core),
    ...browseHandlers(core),
    ...migrationHandlers(core),
    ...verifyHandlers(core),
    ...cutoverHandlers(core),
    ...sandboxHandlers(sandbox),
    ...featureHandlers(core.adapter, new ExportSessions()),
  };
  return {
    call: (name, input) => runCall(handlers, name, input, deps.log),
    subscribe: (name, input, listener) => subscribe(core.jobs, name, input, listener, deps.log),
    async close() {
      await core.close();
      await sandbox.stop();
    },
  };
}

async function runCall(handlers: Handlers, name: string, input: unknown, log: (line: string) => void): Promise<Outcome<unknown>> {
  try {
    if (!isCallName(name)) throw new AppError('VALIDATION', `Unknown call ${String(name).slice(0, 80)}.`);
    const parsed = calls[name].input.safeParse(input);
    if (!parsed.success) throw validationError(name, parsed.error);
    const output = await (handlers[name] as (i: unknown) => Promise<unknown>)(parsed.data);
    const checked = calls[name].output.safeParse(output);
    if (!checked.success) throw new Error(`${name} returned output outside the contract: ${checked.error.message}`);
    return { ok: true, output: checked.data };
  } catch (error) {
    return { ok: false, error: toErrorData(error, log) };
  }
}

const streamKinds: { [K in StreamName]: JobKind } = { 'migration.progress': 'migration', 'verify.progress': 'verify', 'cutover.progress': 'cutover' };

async function subscribe(jobs: JobRegistry, name: string, input: unknown, listener: (event: unknown) => void, log: (line: string) => void): Promise<Outcome<() => void>> {
  try {
    if (!isStreamName(name)) throw new AppError('VALIDATION', `Unknown event stream ${String(name).slice(0, 80)}.`);
    const parsed = streams[name].input.safeParse(input);
    if (!parsed.success) throw validationError(name, parsed.error);
    // Events are checked against the contract like call outputs: what leaves is what it declares.
    const schema = streams[name].event;
    const stop = jobs.watch(parsed.data.jobId, streamKinds[name], (event) => {
      const checked = schema.safeParse(event);
      if (checked.success) listener(checked.data);
      else log(`${name} event outside the contract, not sent: ${checked.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    });
    return { ok: true, output: stop };
  } catch (error) {
    return { ok: false, error: toErrorData(error, log) };
  }
}
