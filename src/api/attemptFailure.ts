import { AnswerTooLarge } from './boundedBody';
import type { PartnerError } from './partnerError';
import { certificateProblem } from './tlsFailure';

type Failure = Pick<PartnerError, 'kind' | 'systemCode' | 'certificate' | 'limitBytes'>;

/**
 * What an attempt that threw means, and the log line for it. Checked in this order
 * because one failure shows several faces: a timeout aborts (so it is no "cancelled"),
 * and an oversized answer is cut off by the reader, not the network.
 */
export function attemptFailure(
  err: unknown,
  at: { readonly timedOut: boolean; readonly aborted: boolean; readonly timeoutMs: number },
): Failure & { readonly log: string } {
  if (at.timedOut) {
    return { kind: 'timeout', log: `timed out after ${at.timeoutMs} ms` };
  }
  if (err instanceof AnswerTooLarge) {
    return {
      kind: 'tooLarge',
      limitBytes: err.limitBytes,
      log: `answer larger than ${err.limitBytes} bytes, not read`,
    };
  }
  if (at.aborted) {
    return { kind: 'cancelled', log: 'cancelled' };
  }
  const systemCode = systemCodeOf(err);
  const certificate = certificateProblem(systemCode);
  if (certificate) {
    return { kind: 'certificate', systemCode, certificate, log: `certificate refused (${systemCode})` };
  }
  return { kind: 'network', systemCode, log: `network error ${systemCode ?? ''}`.trim() };
}

function systemCodeOf(err: unknown): string | undefined {
  const e = err as { code?: unknown; errno?: unknown; cause?: { code?: unknown } } | undefined;
  const code = e?.code ?? e?.errno ?? e?.cause?.code;
  return typeof code === 'string' && /^[A-Z_]+$/.test(code) ? code : undefined;
}
