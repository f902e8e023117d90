import { createClient, type AnyClient } from '../api';
import type { PartnerLog } from '../log/partnerLog';
import type { SubaccountNode } from '../providers/tree/subaccountNode';
import type { PartnerSettings } from '../settings/partnerSettings';

/**
 * A client that speaks with a sub-account's own key, or undefined when the provider
 * sent none. The key lives in this client only (and in the log's scrub list).
 */
export function subaccountClient(node: SubaccountNode, settings: PartnerSettings, log: PartnerLog): AnyClient | undefined {
  const key = node.subaccount.apiKey;
  const url = settings.apiUrl[node.service];
  if (!key || !url.ok) {return undefined;}
  log.rememberSecret(key);
  return createClient(node.service, { baseUrl: url.url, apiKey: key, format: settings.format, timeoutMs: settings.timeoutMs, logger: log });
}
