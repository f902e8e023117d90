import { createClient, type AnyClient, type PartnerLogger, type ServiceId } from '../api';
import { describeApiUrlProblem, type PartnerSettings } from '../settings/partnerSettings';
import type { AccountState } from './accountState';
import type { KeySource } from './accountStore';

/** The key a session reads with, and where it came from. */
export interface SessionKey {
  readonly key: string;
  readonly source: KeySource;
}

interface Connection {
  readonly key: SessionKey | undefined;
  readonly settings: PartnerSettings;
}

/**
 * What a new key or new settings change for a session. `accountChanged`: the key or the
 * API URL differ, so what was read or sent belongs to another account. `changed`: the
 * client must be rebuilt (also for a new format, timeout or key source, or none yet).
 */
export function connectionChange(
  service: ServiceId,
  before: Connection & { readonly connected: boolean },
  after: Connection,
): { readonly accountChanged: boolean; readonly changed: boolean } {
  const accountChanged =
    after.key?.key !== before.key?.key ||
    JSON.stringify(after.settings.apiUrl[service]) !== JSON.stringify(before.settings.apiUrl[service]);
  const changed =
    accountChanged ||
    after.key?.source !== before.key?.source ||
    after.settings.format !== before.settings.format ||
    after.settings.timeoutMs !== before.settings.timeoutMs ||
    !before.connected;
  return { accountChanged, changed };
}

/** The client for a key and settings, or the state that says why there is none. */
export function connect(
  service: ServiceId,
  key: SessionKey | undefined,
  settings: PartnerSettings,
  signal: AbortSignal,
  logger: PartnerLogger,
): { readonly client?: AnyClient; readonly state: AccountState } {
  if (!key) {
    return { state: { kind: 'noKey' } };
  }
  const urlCheck = settings.apiUrl[service];
  if (!urlCheck.ok) {
    return { state: { kind: 'invalidSettings', message: describeApiUrlProblem(service, urlCheck) } };
  }
  const client = createClient(service, {
    baseUrl: urlCheck.url,
    apiKey: key.key,
    format: settings.format,
    timeoutMs: settings.timeoutMs,
    signal,
    logger,
  });
  return { client, state: { kind: 'idle' } };
}
