import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { inertText } from '../../../src/ui/inertText';
import { linksIn } from '../helpers/linkGrammar';

const ROOT = join(__dirname, '../../../..');

describe('provider text in notifications', () => {
  const hostile = [
    '[Cliquez](command:workbench.action.quit)',
    'SMS Partner returned error code 42: [Cliquez](command:workbench.action.quit).',
    '[x](COMMAND:workbench.action.quit "Ouvrir")',
    '[site](https://phishing.example/login)',
    '[fichier](file:///etc/passwd)',
    'a@b.fr][x](command:workbench.action.reloadWindow)',
    '[[nested](command:a)](command:b)',
    '[multi\nline](command:workbench.action.quit)',
  ];

  for (const text of hostile) {
    it(`leaves no link VS Code would render in ${JSON.stringify(text)}`, () => {
      assert.ok(linksIn(text).length > 0, 'the input is a link in a notification');
      assert.deepEqual(linksIn(inertText(text)), []);
    });
  }

  it('keeps the text readable: the same words, with the link syntax broken', () => {
    const quit = '[Cliquez](command:workbench.action.quit)';
    assert.equal(inertText(quit), '[Cliquez] (command\u2060:workbench.action.quit)');
    assert.equal(inertText('voir [la doc](https://example.fr)'), 'voir [la doc] (https\u2060://example.fr)');
  });

  it('changes nothing in ordinary text', () => {
    for (const text of [
      'alice.1@client-sms.example',
      "SMS Partner a renvoyé le code d'erreur 42 : Erreur 42.",
      'Cannot reach 127.0.0.1:9 (ECONNREFUSED). See https://example.fr for help.',
      'Balance (EUR): [12.5]',
    ]) {
      assert.equal(inertText(text), text);
    }
  });

  it('is stable: neutralising twice gives the same text', () => {
    for (const text of hostile) {
      assert.equal(inertText(inertText(text)), inertText(text));
    }
  });

  it('every notification, modal and notification progress goes through src/ui/notifications.ts', () => {
    const direct: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const p = join(dir, name);
        if (statSync(p).isDirectory()) {
          walk(p);
        } else if (p.endsWith('.ts') && !p.endsWith(join('ui', 'notifications.ts'))) {
          readFileSync(p, 'utf8')
            .split('\n')
            .forEach((line, i) => {
              if (/\bshow(Information|Warning|Error)Message\b|ProgressLocation\.Notification/.test(line)) {
                direct.push(`${relative(ROOT, p)}:${i + 1}`);
              }
            });
        }
      }
    };
    walk(join(ROOT, 'src'));
    assert.deepEqual(direct, [], 'these show text in a notification without neutralising its links');
  });
});
