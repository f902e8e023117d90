import * as vscode from 'vscode';
import { readSettings, SECTION, type PartnerSettings } from './partnerSettings';

export interface SettingsChange {
  readonly current: PartnerSettings;
  /** Whether *Hide personal data* may have changed (views re-render what they show). */
  readonly personalData: boolean;
}

/**
 * The extension's settings as last read, read again when one of them changes; each
 * problem with a value (out of bounds, refused URL) is said once.
 */
export class SettingsWatcher implements vscode.Disposable {
  private settings: PartnerSettings = readSettings();
  private readonly warned = new Set<string>();
  private readonly changed = new vscode.EventEmitter<SettingsChange>();
  readonly onDidChange = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly say: (warning: string) => void) {
    this.subscription = vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration(SECTION)) {
        return;
      }
      this.settings = readSettings();
      this.warn();
      this.changed.fire({
        current: this.settings,
        personalData: e.affectsConfiguration(`${SECTION}.hidePersonalData`),
      });
    });
  }

  get current(): PartnerSettings {
    return this.settings;
  }

  /** Says each problem with the current values that was not said yet. */
  warn(): void {
    for (const w of this.settings.warnings) {
      if (!this.warned.has(w)) {
        this.warned.add(w);
        this.say(w);
      }
    }
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
