import {
  createClient,
  type AnyClient,
  type ClientOptions,
  type PartnerLogger,
  type ResponseFormat,
  type ServiceId,
} from '../../../src/api';
import { PartnerEmulator, type EmulatorOptions } from '../../emulator/partnerEmulator';

/** Starts one emulator for a mocha suite and stops it after. */
export function useEmulator(options: EmulatorOptions = {}): () => PartnerEmulator {
  let emulator: PartnerEmulator | undefined;
  before(async () => {
    emulator = await new PartnerEmulator({ lifetimeMs: 10 * 60_000, ...options }).start();
  });
  beforeEach(() => emulator?.reset());
  after(async () => {
    await emulator?.stop();
  });
  return () => {
    if (!emulator) {
      throw new Error('emulator not started');
    }
    return emulator;
  };
}

/** A logger that keeps every line, to assert on what reaches the log. */
export class MemoryLogger implements PartnerLogger {
  readonly lines: string[] = [];
  info(m: string): void {
    this.lines.push(`info ${m}`);
  }
  warn(m: string): void {
    this.lines.push(`warn ${m}`);
  }
  error(m: string): void {
    this.lines.push(`error ${m}`);
  }
}

/** A client of the emulator with fast retries, so fault tests stay quick. */
export function clientFor(
  emulator: PartnerEmulator,
  service: ServiceId,
  format: ResponseFormat = 'json',
  extra: Partial<ClientOptions> = {},
): AnyClient {
  return createClient(service, {
    baseUrl: emulator.apiUrl(service),
    apiKey: emulator.apiKey(service),
    format,
    timeoutMs: 2000,
    retry: { baseDelayMs: 5, maxDelayMs: 20, maxRetryAfterMs: 2000 },
    ...extra,
  });
}

/** Awaits a promise that must reject, and returns the rejection. */
export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (err) {
    return err;
  }
  throw new Error('expected a rejection, got a result');
}
