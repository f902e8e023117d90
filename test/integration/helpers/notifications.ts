import * as vscode from 'vscode';

export { linksIn } from '../../unit/helpers/linkGrammar';

export interface ShownNotification {
  readonly level: 'info' | 'warning' | 'error';
  readonly message: string;
  readonly detail?: string;
}

type ShowMethod = 'showInformationMessage' | 'showWarningMessage' | 'showErrorMessage';
const LEVELS: Record<ShowMethod, ShownNotification['level']> = {
  showInformationMessage: 'info',
  showWarningMessage: 'warning',
  showErrorMessage: 'error',
};

/**
 * Records the text of every notification and modal shown from now on, and still
 * shows it. The extension and this suite run in the same extension and so share
 * one `vscode` API object: wrapping its `window` methods here sees what the
 * extension hands VS Code, with nothing added to the extension for the tests.
 */
export function watchNotifications(): { readonly shown: ShownNotification[]; dispose(): void } {
  const shown: ShownNotification[] = [];
  const window = vscode.window as unknown as Record<ShowMethod, (...args: unknown[]) => Thenable<unknown>>;
  const originals = new Map<ShowMethod, (...args: unknown[]) => Thenable<unknown>>();
  for (const method of Object.keys(LEVELS) as ShowMethod[]) {
    const original = window[method];
    originals.set(method, original);
    window[method] = (message: unknown, ...rest: unknown[]) => {
      const options = rest[0] !== null && typeof rest[0] === 'object' ? (rest[0] as vscode.MessageOptions) : undefined;
      shown.push({ level: LEVELS[method], message: String(message), detail: options?.detail });
      return original.call(vscode.window, message, ...rest);
    };
  }
  return {
    shown,
    dispose: () => {
      for (const [method, original] of originals) {
        window[method] = original;
      }
    },
  };
}

/**
 * Watches notifications during each test of the enclosing `describe`, then resets the
 * extension and the emulator's faults after it: what the action suites share.
 */
export function notificationsEachTest(reset: () => Promise<{ emu: { clearFaults(): Promise<unknown> } }>): {
  readonly shown: readonly ShownNotification[];
} {
  let notes: ReturnType<typeof watchNotifications> | undefined;
  beforeEach(() => {
    notes = watchNotifications();
  });
  afterEach(async () => {
    notes?.dispose();
    const { emu } = await reset();
    await emu.clearFaults();
  });
  return {
    get shown() {
      return notes?.shown ?? [];
    },
  };
}
