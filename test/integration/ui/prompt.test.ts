import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { registerCommand } from '../../../src/ui/registerCommand';
import { askText, givenOrAsk, prompted } from '../../../src/ui/prompt';
import { waitFor } from '../helpers/harness';
import { watchNotifications } from '../helpers/notifications';

/** A logger that keeps what a command writes, to see that a cancellation writes nothing. */
function recordingLog() {
  const lines: string[] = [];
  return {
    lines,
    info: (m: string) => lines.push(m),
    warn: (m: string) => lines.push(m),
    error: (m: string) => lines.push(m),
  };
}

/** Runs a command whose handler opens an input box, then presses Escape on that box. */
async function runAndEscape(id: string): Promise<unknown> {
  const opened: string[] = [];
  const running = vscode.commands.executeCommand(id, opened);
  await waitFor(async () => (opened.length > 0 ? true : undefined), 'the input box opened');
  // Let the box show before it is closed, as a user's Escape would.
  await new Promise((resolve) => setTimeout(resolve, 300));
  await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
  return running;
}

describe('One prompt path: Escape cancels a command quietly, a refused argument is said once', () => {
  const disposables: vscode.Disposable[] = [];
  afterEach(() => {
    disposables.splice(0).forEach((d) => d.dispose());
  });

  it('Escape in an input box ends the command with no error shown and nothing logged (cancelled in one place)', async () => {
    const log = recordingLog();
    const after: string[] = [];
    disposables.push(
      registerCommand(
        'partnerExplorer.test.promptCancel',
        async (...args: unknown[]) => {
          const opened = args[0] as string[];
          const asked = askText({ title: 'Cancel test', validate: () => undefined });
          opened.push('box');
          await asked;
          after.push('went on');
          return 'answered';
        },
        log,
      ),
    );
    const watch = watchNotifications();
    try {
      const result = await runAndEscape('partnerExplorer.test.promptCancel');
      assert.equal(result, undefined);
      assert.deepEqual(after, [], 'nothing after the cancelled box runs');
      assert.deepEqual(
        watch.shown.filter((n) => n.level === 'error'),
        [],
      );
      assert.deepEqual(log.lines, []);
    } finally {
      watch.dispose();
    }
  });

  it('a command that reads its own result turns Escape into its word (cancelled)', async () => {
    disposables.push(
      vscode.commands.registerCommand('partnerExplorer.test.promptCancelOutcome', (opened: string[]) =>
        prompted(
          async () => {
            const asked = askText({ title: 'Cancel outcome test' });
            opened.push('box');
            return (await asked) as string;
          },
          'cancelled',
          'refused',
        ),
      ),
    );
    assert.equal(await runAndEscape('partnerExplorer.test.promptCancelOutcome'), 'cancelled');
  });

  it('a given argument that fails the box rule is refused with that rule’s words, once, and not asked (not cancelled)', async () => {
    const log = recordingLog();
    disposables.push(
      registerCommand(
        'partnerExplorer.test.promptRefused',
        (given) => givenOrAsk(given, { title: 'Refused test', validate: (v) => (v === 'ok' ? undefined : 'Not ok.') }),
        log,
      ),
    );
    const watch = watchNotifications();
    try {
      assert.equal(await vscode.commands.executeCommand('partnerExplorer.test.promptRefused', 'ok'), 'ok');
      assert.equal(await vscode.commands.executeCommand('partnerExplorer.test.promptRefused', 'bad'), undefined);
      assert.deepEqual(
        watch.shown.filter((n) => n.level === 'error').map((n) => n.message),
        ['Not ok.'],
      );
      assert.deepEqual(log.lines, []);
    } finally {
      watch.dispose();
    }
  });

  it('any other error is still logged and said once (not mistaken for a cancel)', async () => {
    const log = recordingLog();
    disposables.push(
      registerCommand(
        'partnerExplorer.test.promptBroken',
        () => {
          throw new Error('boom');
        },
        log,
      ),
    );
    const watch = watchNotifications();
    try {
      assert.equal(await vscode.commands.executeCommand('partnerExplorer.test.promptBroken'), undefined);
      assert.equal(watch.shown.filter((n) => n.level === 'error').length, 1);
      assert.deepEqual(log.lines, ['partnerExplorer.test.promptBroken: boom']);
    } finally {
      watch.dispose();
    }
  });
});
