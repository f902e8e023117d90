/**
 * Linking abort signals without leaking listeners: a request's own signal and a
 * long-lived one (a session's, a client's) each get a listener that is removed as
 * soon as the request ends. `{ once: true }` listeners added to a signal that lives
 * for hours and never removed are what leaked before.
 */

/** Aborts `controller` when any of `signals` does; returns the function that unlinks them again. */
export function linkAbort(controller: AbortController, signals: readonly (AbortSignal | undefined)[]): () => void {
  const abort = () => controller.abort();
  const linked = signals.filter((s): s is AbortSignal => s !== undefined);
  for (const s of linked) {
    if (s.aborted) {
      controller.abort();
    } else {
      s.addEventListener('abort', abort, { once: true });
    }
  }
  return () => linked.forEach((s) => s.removeEventListener('abort', abort));
}

/** Waits `ms`, or rejects with `cancelled()` as soon as one of the signals aborts; leaves no listener behind. */
export function sleep(
  ms: number,
  signals: readonly (AbortSignal | undefined)[],
  cancelled: () => Error,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const controller = new AbortController();
    const unlink = linkAbort(controller, signals);
    if (controller.signal.aborted) {
      unlink();
      reject(cancelled());
      return;
    }
    if (ms <= 0) {
      unlink();
      resolve();
      return;
    }
    const timer = setTimeout(() => {
      unlink();
      resolve();
    }, ms);
    controller.signal.addEventListener('abort', () => {
      clearTimeout(timer);
      unlink();
      reject(cancelled());
    });
  });
}

/** Runs `work` with a signal that aborts when any of `signals` does, and unlinks them when it settles. */
export async function withLinkedSignal<T>(
  signals: readonly (AbortSignal | undefined)[],
  work: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const controller = new AbortController();
  const unlink = linkAbort(controller, signals);
  try {
    return await work(controller.signal);
  } finally {
    unlink();
  }
}
