import type { Pacer } from './pacer';
import type { RetryPolicy } from './retryPolicy';
import type { PartnerLogger, ResponseFormat, ServiceId } from './types';

// The shapes the transport is built with, sends and answers: apart so that its callers
// and its parts can name them without the transport itself.

export interface TransportOptions {
  readonly service: ServiceId;
  /** e.g. `https://api.smspartner.fr/v1` */
  readonly baseUrl: string;
  readonly apiKey: string;
  readonly format?: ResponseFormat;
  /** Per attempt, headers and body included; waiting for a turn (pacing) is not counted. */
  readonly timeoutMs?: number;
  /** Cancels every request of this client (e.g. on deactivation). */
  readonly signal?: AbortSignal;
  readonly logger?: PartnerLogger;
  readonly retry?: Partial<RetryPolicy>;
  /** Who spaces requests out; every client of the process shares one unless a test gives its own. */
  readonly pacer?: Pacer;
}

export interface RawAnswer {
  readonly status: number;
  readonly body: string;
}

/** What one attempt sends. */
export interface Outgoing {
  readonly method: 'GET' | 'POST' | 'DELETE';
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
  /**
   * True for reads: the connection stays open for the next read (a Find reads hundreds of
   * pages); actions get a new one and close it (see httpExchange.ts). No request has an agent
   * of its own, so VS Code's proxy support takes every one (docs/api-decisions.md, "Connections").
   */
  readonly keepConnection?: boolean;
}
