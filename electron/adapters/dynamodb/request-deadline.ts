import type { HttpHandler, HttpResponse } from '@smithy/core/protocols';

// The handler's own settings (NodeHttpHandler's) are passed through untouched.
type Handler = HttpHandler<object>;

/** The error of an attempt that outlived its deadline. Its name is not one the SDK retries. */
export class RequestDeadlineError extends Error {
  override readonly name = 'RequestDeadlineExceeded';
  constructor(readonly host: string, readonly timeoutMs: number) {
    super(`No complete answer from ${host} within ${timeoutMs} ms`);
  }
}

/** Destroys the response body with the signal's reason if it fires before the body is read. */
function guardBody(response: HttpResponse, signal: AbortSignal, done: () => void): void {
  const body = response.body as { destroy?: (error: unknown) => void; once?: (event: string, f: () => void) => void } | undefined;
  if (typeof body?.destroy !== 'function' || typeof body.once !== 'function') {
    done();
    return;
  }
  const stop = () => body.destroy!(signal.reason);
  signal.addEventListener('abort', stop, { once: true });
  body.once('close', () => {
    signal.removeEventListener('abort', stop);
    done();
  });
}

/**
 * Wraps the SDK's HTTP handler so that every attempt has an overall deadline covering connect,
 * headers and the whole body. Idle timeouts miss a server that trickles a byte a second; this
 * does not. The deadline error is not retried by the SDK (a server that stalled once is reported,
 * not waited for three times); a caller's abort signal still ends the attempt at once.
 */
export function withRequestDeadline(inner: Handler, timeoutMs: number): Handler {
  return {
    metadata: inner.metadata,
    destroy: () => inner.destroy?.(),
    async handle(request, options = {}) {
      const deadline = new AbortController();
      const host = `${request.hostname}${request.port ? `:${request.port}` : ''}`;
      const timer = setTimeout(() => deadline.abort(new RequestDeadlineError(host, timeoutMs)), timeoutMs);
      const caller = options.abortSignal as AbortSignal | undefined;
      // The caller's abort is passed on by a listener, removed when the attempt ends, not by
      // AbortSignal.any(): that hangs a weak reference per request on the caller's long-lived
      // signal, and the copy's young-generation GCs grew several times dearer (issue 16).
      const followCaller = () => deadline.abort(caller!.reason);
      if (caller?.aborted) followCaller();
      else caller?.addEventListener('abort', followCaller, { once: true });
      const settled = () => {
        clearTimeout(timer);
        caller?.removeEventListener('abort', followCaller);
      };
      try {
        const output = await inner.handle(request, { ...options, abortSignal: deadline.signal });
        guardBody(output.response, deadline.signal, settled);
        return output;
      } catch (error) {
        settled();
        throw deadline.signal.aborted && !caller?.aborted ? deadline.signal.reason : error;
      }
    },
    updateHttpClientConfig: (key, value) => inner.updateHttpClientConfig(key, value),
    httpHandlerConfigs: () => inner.httpHandlerConfigs(),
  };
}
