import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { money } from '../../../src/api';
import type { Account, MessageStatus } from '../../../src/api';
import { measureSms } from '../../../src/api/smsLength';
import { chooseAccount, type ChoosableAccount } from '../../../src/tools/accountChoice';
import { creditsText } from '../../../src/tools/creditsText';
import { deliveryStatusText } from '../../../src/tools/deliveryStatusText';
import { smsLengthText } from '../../../src/tools/smsLengthText';
import { subaccountMatchText } from '../../../src/tools/subaccountMatchText';
import { checkInput } from '../../../src/actions/inputCheck';
import {
  CREDITS_SCHEMA,
  DELIVERY_STATUS_SCHEMA,
  FIND_SUBACCOUNT_SCHEMA,
  CHECK_NUMBER_SCHEMA,
  SEND_TEST_SCHEMA,
  SMS_LENGTH_SCHEMA,
} from '../../../src/tools/toolSchemas';
import { english, french } from '../helpers/bundleTranslate';

const ROOT = join(__dirname, '../../../..');

const status: MessageStatus = {
  messageId: '4242',
  recipients: [
    { recipient: '+33612345601', status: 'Delivered', stop: false, cost: 0.045 },
    { recipient: '+33612345602', status: 'Not delivered', stop: true },
    { recipient: '+33612345603', status: 'Waiting', stop: false },
  ],
};

describe('Partner tools: schemas and text builders', () => {
  it('package.json declares each tool with the schema the tool checks, a reference name and localized texts', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      contributes: { languageModelTools: Record<string, unknown>[] };
    };
    const nls = JSON.parse(readFileSync(join(ROOT, 'package.nls.json'), 'utf8')) as Record<string, string>;
    const nlsFr = JSON.parse(readFileSync(join(ROOT, 'package.nls.fr.json'), 'utf8')) as Record<string, string>;
    const schemas: Record<string, unknown> = {
      partnerExplorer_credits: CREDITS_SCHEMA,
      partnerExplorer_deliveryStatus: DELIVERY_STATUS_SCHEMA,
      partnerExplorer_findSubaccount: FIND_SUBACCOUNT_SCHEMA,
      partnerExplorer_smsLength: SMS_LENGTH_SCHEMA,
      partnerExplorer_sendTest: SEND_TEST_SCHEMA,
      partnerExplorer_checkNumber: CHECK_NUMBER_SCHEMA,
    };
    const tools = manifest.contributes.languageModelTools;
    assert.deepEqual(
      tools.map((t) => t.name),
      Object.keys(schemas),
    );
    for (const tool of tools) {
      const name = tool.name as string;
      assert.deepEqual(tool.inputSchema, JSON.parse(JSON.stringify(schemas[name])), `${name}: same schema`);
      assert.match(tool.toolReferenceName as string, /^partner[A-Z]\w+$/);
      assert.equal(tool.canBeReferencedInPrompt, true);
      assert.ok((tool.modelDescription as string).length > 200, `${name}: a precise model description`);
      for (const field of ['displayName', 'userDescription']) {
        const key = /^%(.+)%$/.exec(tool[field] as string)?.[1];
        assert.ok(key && nls[key] && nlsFr[key] && nls[key] !== nlsFr[key], `${name}.${field} in English and French`);
      }
    }
  });

  it('checks input against the schema, in French too', () => {
    assert.deepEqual(checkInput(DELIVERY_STATUS_SCHEMA, { messageId: '12', maxRows: 3 }, english), {
      ok: true,
      value: { messageId: '12', maxRows: 3 },
    });
    assert.deepEqual(checkInput(DELIVERY_STATUS_SCHEMA, { messageId: '12', account: '' }, english), {
      ok: true,
      value: { messageId: '12' },
    });
    assert.deepEqual(checkInput(DELIVERY_STATUS_SCHEMA, { maxRows: 1.5, x: 1 }, french), {
      ok: false,
      problem: 'Champ inconnu « x ». Le champ « maxRows » doit être un nombre entier de 1 à 200.',
    });
    assert.deepEqual(checkInput(FIND_SUBACCOUNT_SCHEMA, {}, french), {
      ok: false,
      problem: 'Le champ « query » est obligatoire.',
    });
    assert.equal(checkInput(SMS_LENGTH_SCHEMA, ['text'], english).ok, false);
    const kept = checkInput<{ text: string }>(SMS_LENGTH_SCHEMA, { text: ' two  spaces ' }, english);
    assert.equal(kept.ok && kept.value.text, ' two  spaces ', 'an SMS keeps its spaces');
  });

  it('chooses the named account, else the pinned one, and lists the accounts when it cannot', () => {
    const accounts: ChoosableAccount[] = [
      { id: 'a1', service: 'sms', name: 'Agence Nord', hasKey: true },
      { id: 'a2', service: 'sms', name: 'agence.durand@exemple.fr', hasKey: true },
      { id: 'm1', service: 'mail', name: 'Newsletter', hasKey: true },
    ];
    const pinned = (s: string) => accounts.find((a) => a.service === s && a.id !== 'a1');
    const pick = (request: object, share = false) => chooseAccount(accounts, pinned, request, english, share);
    assert.equal((pick({ account: ' agence  NORD ' }) as { account: ChoosableAccount }).account.id, 'a1');
    assert.equal((pick({ account: 'm1' }) as { account: ChoosableAccount }).account.id, 'm1');
    assert.equal((pick({ service: 'sms' }) as { account: ChoosableAccount }).account.id, 'a2');
    assert.deepEqual(pick({}), {
      ok: false,
      problem:
        'Several accounts could answer: give the input field "account" (a name or an id) or "service". The accounts are: SMS Partner · Agence Nord (id a1); SMS Partner · a•••@e•••.fr (id a2); Mail Partner · Newsletter (id m1).',
    });
    const fr = chooseAccount(accounts, pinned, { account: 'Sud', service: 'mail' }, french, false);
    assert.deepEqual(fr, {
      ok: false,
      problem: "Aucun compte avec une clé ne s'appelle « Sud ». Les comptes sont : Mail Partner · Newsletter (id m1).",
    });
  });

  it('builds the delivery-status answer in French, not delivered first, masked unless shared', () => {
    const source = {
      title: 'SMS Partner · Nord (id a1)',
      accountId: 'a1',
      status,
      sharePersonalData: false,
      maxRows: 2,
    };
    const text = deliveryStatusText(source, french, 'fr');
    assert.deepEqual(text.split('\n'), [
      'SMS Partner · Nord (id a1): message 4242, 3 destinataires.',
      'Remis 1, non remis 1, en attente 1, autres 0.',
      "Par statut (tel que le fournisseur l'écrit) : Not delivered: 1, Waiting: 1, Delivered: 1.",
      'Destinataires, non remis en premier (2 sur 3) :',
      '- +336••••••02: Not delivered (désinscrit (STOP))',
      '- +336••••••03: Waiting',
      'Les destinataires sont masqués : le paramètre partnerExplorer.tools.sharePersonalData est désactivé ou les données personnelles sont masquées.',
      'Le tableau complet s\'ouvre avec la commande partnerExplorer.showMessageStatus et les arguments ["a1", "4242"] (Partner : Afficher le statut d\'un message…).',
    ]);
    const shared = deliveryStatusText({ ...source, sharePersonalData: true, maxRows: 5 }, english, 'en');
    assert.match(shared, /\n- \+33612345601: Delivered \(cost 0\.045\)\n/);
  });

  it('builds the credits answer in French: counts, balance, low credit, failure with the last reading', () => {
    const account: Account = {
      user: { username: 'x' },
      credits: { service: 'sms', sms: 80, smsEco: 5, balance: money('3.6', 'EUR') },
    };
    const readAt = new Date(Date.UTC(2026, 10, 23, 3, 0, 0));
    const text = creditsText(
      [
        {
          title: 'SMS Partner · Nord (id a1)',
          reading: { kind: 'ready', account, readAt },
          threshold: 100,
          points: [],
        },
        {
          title: 'SMS Partner · Sud (id a2)',
          reading: { kind: 'failed', message: 'SMS Partner a expiré.', previous: account },
          threshold: 100,
          points: [],
        },
      ],
      french,
      'fr',
    );
    const lines = text.split('\n');
    assert.match(lines[0], /^SMS Partner · Nord \(id a1\): 80 SMS, 5 SMS économiques ; solde 3,60\s€ \(lu à .+\)\.$/);
    assert.equal(lines[1], '  Crédit bas : sous le seuil de 100 défini dans partnerExplorer.lowCreditThreshold.');
    assert.equal(lines[2], 'SMS Partner · Sud (id a2): SMS Partner a expiré.');
    assert.match(lines[3], /^ {2}Dernière lecture connue : 80 SMS, 5 SMS économiques ; solde 3,60\s€\.$/);
  });

  it('builds the sub-account and SMS-length answers in French, never with a sub-account key', () => {
    const text = subaccountMatchText(
      {
        title: 'SMS Partner · Nord (id a1)',
        matches: [
          {
            id: 1042,
            email: 'jules.42@client.example',
            token: 'tok42',
            apiKey: 'sub-secret-key-42',
            balance: money('1.5', 'EUR'),
          },
        ],
        searched: 45,
        maxResults: 10,
        readAt: undefined,
        sharePersonalData: false,
      },
      french,
      'fr',
    );
    assert.match(text, /\n- #1042 · j•••@c•••\.example · jeton tok42 · solde 1,50\s€\n/);
    assert.ok(!text.includes('sub-secret-key-42'));
    assert.equal(
      smsLengthText(measureSms('Bonjour'), french, 'fr'),
      "1 partie(s) de SMS : 7 unités utilisées sur 160, encodage GSM 03.38.\nAucun caractère n'est remplacé ni supprimé.",
    );
    assert.equal(
      smsLengthText(
        {
          encoding: 'gsm',
          sentText: 'a',
          units: 1,
          parts: 1,
          capacity: 160,
          changes: [{ offset: 3, length: 1, original: '€', replacement: 'E' }],
        },
        french,
        'fr',
      ).split('\n')[2],
      '- position 3 : "€" devient "E"',
    );
  });
});
