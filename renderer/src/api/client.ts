import type { CallInput, CallName, CallOutput, ConsoleBridge, StreamEvent, StreamInput, StreamName } from '../../../shared/contract';
import type { AppErrorData } from '../../../shared/errors';
import { createWebSocketBridge } from './ws-bridge';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in a browser. */
    awc?: ConsoleBridge;
  }
}

/** A contract call that failed: the main side's AppError, as data. */
export class CallError extends Error {
  readonly code: AppErrorData['code'];
  readonly details: AppErrorData['details'];
  constructor(data: AppErrorData) {
    super(data.message);
    this.code = data.code;
    this.details = data.details;
  }
}

const bridge: ConsoleBridge = window.awc ?? createWebSocketBridge();

export async function call<K extends CallName>(name: K, input: CallInput<K>): Promise<CallOutput<K>> {
  const outcome = await bridge.invoke(name, input);
  if (!outcome.ok) throw new CallError(outcome.error);
  return outcome.output;
}

export async function subscribe<K extends StreamName>(name: K, input: StreamInput<K>, listener: (event: StreamEvent<K>) => void): Promise<() => void> {
  const outcome = await bridge.subscribe(name, input, listener);
  if (!outcome.ok) throw new CallError(outcome.error);
  return outcome.output;
}

/** The message to show for any failure: AppError messages as they are, never a stack. */
export function messageOf(error: unknown): string {
  if (error instanceof CallError) return error.message;
  return 'Something went wrong in the console. Try again; if it persists, restart it.';
}
