/** A caller's signal combined with a fresh timeout signal for one request. @internal */
export interface RequestSignals {
  /** What to give fetch. */
  signal: AbortSignal | undefined;
  /** The timeout's own signal, to tell a timeout from the caller's abort. */
  timeout: AbortSignal | undefined;
  /** Stops the timer once the request is done. */
  done(): void;
}

/**
 * A fresh timeout per request, combined with the caller's signal (`AbortSignal.any` where the runtime
 * has it, a small fallback elsewhere).
 * @internal
 */
export function requestSignals(caller: AbortSignal | undefined, timeoutMs: number | false): RequestSignals {
  if (timeoutMs === false) return { signal: caller, timeout: undefined, done: () => undefined };
  const timeoutController = new AbortController();
  const timer = setTimeout(() => {
    timeoutController.abort(new DOMException("The request timed out", "TimeoutError"));
  }, timeoutMs);
  const timeout = timeoutController.signal;
  const done = (): void => clearTimeout(timer);
  if (caller === undefined) return { signal: timeout, timeout, done };
  if (typeof AbortSignal.any === "function") return { signal: AbortSignal.any([caller, timeout]), timeout, done };
  const both = new AbortController();
  const forward = (source: AbortSignal) => (): void => both.abort(source.reason);
  if (caller.aborted) both.abort(caller.reason);
  caller.addEventListener("abort", forward(caller), { once: true });
  timeout.addEventListener("abort", forward(timeout), { once: true });
  return { signal: both.signal, timeout, done };
}
