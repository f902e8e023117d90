import { createClient, type AnyClient } from '../api';
import type { PartnerLog } from '../log/partnerLog';
import type { SubaccountTarget } from '../accounts/commandTargets';
import type { PartnerSettings } from '../settings/partnerSettings';

/**
 * A client that speaks with a sub-account's own key, or undefined when the provider
 * sent none. The key lives in this client only (and in the log's scrub list).
 * `lifetime` is the main account's (`ServiceSession.accountSignal`): the key came
 * from that account, so every request of this client stops, and none is sent,
 * once the main key or API URL changes or the session goes away.
 */
export function subaccountClient(
  node: SubaccountTarget,
  settings: PartnerSettings,
  log: PartnerLog,
  lifetime: AbortSignal,
): AnyClient | undefined {
  const key = node.subaccount.apiKey;
  const url = settings.apiUrl[node.service];
  if (!key || !url.ok) {
    return undefined;
  }
  log.rememberSecret(key);
  return createClient(node.service, {
    baseUrl: url.url,
    apiKey: key,
    format: settings.format,
    timeoutMs: settings.timeoutMs,
    signal: lifetime,
    logger: log,
  });
}
