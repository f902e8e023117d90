import * as vscode from 'vscode';
import { SERVICE_IDS, SERVICES, type ServiceId } from '../api';

export function isServiceId(value: unknown): value is ServiceId {
  return value === 'sms' || value === 'mail';
}

/** The QuickPick every command uses to choose a service: exactly `SMS Partner` and `Mail Partner`. */
export async function pickService(
  title: string,
  describe: (service: ServiceId) => string | undefined,
  only?: readonly ServiceId[],
): Promise<ServiceId | undefined> {
  const items = (only ?? SERVICE_IDS).map((id) => ({ label: SERVICES[id].label, description: describe(id), id }));
  const picked = await vscode.window.showQuickPick(items, {
    title,
    placeHolder: vscode.l10n.t('Choose a service'),
    ignoreFocusOut: false,
  });
  return picked?.id;
}
