import type { ServiceId } from '../api';
import { isSubaccountNode, type SubaccountNode } from '../providers/tree/subaccountNode';
import { isServiceId } from './servicePick';

/** What an account command was invoked on: a service root, a sub-account, or a service id. */
export type NodeTarget = { readonly service: ServiceId; readonly subaccount?: SubaccountNode };

/**
 * Reads the argument VS Code passes from a tree menu (the node itself) or a caller
 * passes (a service id). Checked structurally: nodes may come from another bundle.
 */
export function nodeTarget(arg: unknown): NodeTarget | undefined {
  if (isSubaccountNode(arg)) {return { service: arg.service, subaccount: arg };}
  if (isServiceId(arg)) {return { service: arg };}
  const id = (arg as { id?: unknown } | undefined)?.id;
  const match = typeof id === 'string' ? /^partner\/(sms|mail)$/.exec(id) : null;
  return match ? { service: match[1] as ServiceId } : undefined;
}
