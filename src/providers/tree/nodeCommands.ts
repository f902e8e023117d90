import * as vscode from 'vscode';
import { SERVICE_IDS, type PartnerLogger, type ServiceId } from '../../api';
import { registerCommand } from '../../commands/registerCommand';

/**
 * Argument-free command ids for the tree's own items. VS Code keeps the arguments
 * of a tree item's command only until that item re-renders, so clicking `Load
 * more…` while a refresh re-rendered it failed with "Actual command not found".
 * A command without arguments is passed through as is. These are registered in
 * code, not contributed, so they never show in the Command Palette.
 */
export type NodeAction = 'loadMore' | 'retry' | 'retrySubaccounts' | 'setApiKey' | 'openUrlSetting';

export function nodeCommand(action: NodeAction, service: ServiceId, title: string): vscode.Command {
  return { command: `partnerExplorer.node.${action}.${service}`, title };
}

export function registerNodeCommands(
  log: PartnerLogger,
  handlers: Record<NodeAction, (service: ServiceId) => unknown>,
): vscode.Disposable[] {
  return SERVICE_IDS.flatMap((service) =>
    (Object.keys(handlers) as NodeAction[]).map((action) =>
      registerCommand(`partnerExplorer.node.${action}.${service}`, () => handlers[action](service), log),
    ),
  );
}
