import * as vscode from 'vscode';
import { registerCommand } from '../ui/registerCommand';
import { MESSAGE_STATUS_VIEW_TYPE, USAGE_VIEW_TYPE } from '../panels/viewTypes';
import type { TreeNode } from '../providers/tree/treeNode';
import type { PanelPersistedState } from '../webview/messageStatusProtocol';
import type { UsagePersistedState } from '../webview/usageProtocol';
import type { CoreParts } from './coreParts';
import type { Workbench } from './workbench';

/** Commands that are not contributed (so not in the manifest) but have a handler: links' target. */
const INTERNAL_COMMANDS = ['partnerExplorer.openMessageLink', 'partnerExplorer.addToGitignore'];

interface Manifest {
  readonly contributes?: {
    readonly commands?: readonly { readonly command: string }[];
    readonly languageModelTools?: readonly { readonly name: string }[];
  };
}

/**
 * The tree, the panels, the commands and the chat tools load on first use, not at
 * startup: startup registers their entry points here (each command, the tree's data
 * provider, the panels' serializers, each tool) and the first one used evaluates
 * workbench.ts (dist/workbench.js, read then) and builds them.
 */
export class LazyWorkbench implements vscode.Disposable {
  private loaded: Workbench | undefined;
  private readonly treeChanges = new vscode.EventEmitter<TreeNode | undefined | void>();
  private readonly subscriptions: vscode.Disposable[] = [this.treeChanges];
  private core: CoreParts | undefined;

  /** The tree view's data provider: the real one's answers once it has loaded. */
  readonly treeData: vscode.TreeDataProvider<TreeNode> = {
    onDidChangeTreeData: this.treeChanges.event,
    getTreeItem: (node) => this.get().tree.getTreeItem(node),
    getChildren: (node) => this.get().tree.getChildren(node),
    getParent: (node) => this.get().tree.getParent(node),
  };

  /** Whether something has used the workbench yet. */
  get isLoaded(): boolean {
    return this.loaded !== undefined;
  }

  /** The parts startup built, which the workbench is made from; set once, before any use. */
  start(core: CoreParts): void {
    this.core = core;
  }

  get(): Workbench {
    if (!this.loaded) {
      if (!this.core) {
        throw new Error('Partner Explorer is still starting');
      }
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { createWorkbench } = require('./workbench') as typeof import('./workbench');
      const workbench = createWorkbench(this.core);
      this.loaded = workbench;
      this.subscriptions.push(
        workbench,
        workbench.tree.onDidChangeTreeData((node) => this.treeChanges.fire(node)),
      );
    }
    return this.loaded;
  }

  /** Every command, serializer and tool of the manifest, each loading the workbench when first used. */
  register(manifest: Manifest, log: CoreParts['log']): vscode.Disposable[] {
    const commandIds = [...(manifest.contributes?.commands ?? []).map((c) => c.command), ...INTERNAL_COMMANDS];
    const toolNames = (manifest.contributes?.languageModelTools ?? []).map((t) => t.name);
    const tool = (name: string) => {
      const found = this.get().tools.get(name);
      if (!found) {
        throw new Error(`no tool ${name}`);
      }
      return found;
    };
    const messageStatusSerializer: vscode.WebviewPanelSerializer<PanelPersistedState> = {
      deserializeWebviewPanel: (panel, state) => this.get().panels.deserializeWebviewPanel(panel, state),
    };
    const usageSerializer: vscode.WebviewPanelSerializer<UsagePersistedState> = {
      deserializeWebviewPanel: (panel, state) => this.get().usagePanels.deserializeWebviewPanel(panel, state),
    };
    return [
      ...commandIds.map((id) =>
        registerCommand(
          id,
          (...args) => {
            const handler = this.get().commands[id];
            if (!handler) {
              throw new Error(vscode.l10n.t('The command {0} is not available.', id));
            }
            return handler(...args);
          },
          log,
        ),
      ),
      vscode.window.registerWebviewPanelSerializer(MESSAGE_STATUS_VIEW_TYPE, messageStatusSerializer),
      vscode.window.registerWebviewPanelSerializer(USAGE_VIEW_TYPE, usageSerializer),
      ...toolNames.map((name) =>
        vscode.lm.registerTool<unknown>(name, {
          prepareInvocation: (options, token) => tool(name).prepareInvocation?.(options, token),
          invoke: (options, token) => tool(name).invoke(options, token),
        }),
      ),
    ];
  }

  dispose(): void {
    this.subscriptions.forEach((d) => d.dispose());
  }
}
