import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

interface SettingSchema {
  type: string;
  default: unknown;
  minimum?: number;
  maximum?: number;
  scope?: string;
}

interface Manifest {
  capabilities: {
    untrustedWorkspaces: { supported: boolean | 'limited'; description?: string; restrictedConfigurations?: string[] };
  };
  contributes: { configuration: { properties: Record<string, SettingSchema> } };
}

const manifest = JSON.parse(readFileSync(join(__dirname, '../../../../package.json'), 'utf8')) as Manifest;
const properties = manifest.contributes.configuration.properties;

/** What a folder's .vscode/settings.json must not decide: where requests go, how often, how they are read. */
const RESTRICTED = [
  'partnerExplorer.sms.apiUrl',
  'partnerExplorer.mail.apiUrl',
  'partnerExplorer.sms.dashboardUrl',
  'partnerExplorer.mail.dashboardUrl',
  'partnerExplorer.responseFormat',
  'partnerExplorer.requestTimeout',
  'partnerExplorer.statusBar.refreshInterval',
  'partnerExplorer.tools.sharePersonalData',
];

describe('package.json settings', () => {
  it('every number setting is a whole number with a minimum and a maximum', () => {
    const numbers = Object.entries(properties).filter(([, p]) => p.type === 'number' || p.type === 'integer');
    assert.ok(numbers.length >= 4, 'the timing and threshold settings are there');
    for (const [name, p] of numbers) {
      assert.equal(p.type, 'integer', `${name}: whole steps`);
      assert.equal(typeof p.minimum, 'number', `${name}: minimum`);
      assert.equal(typeof p.maximum, 'number', `${name}: maximum`);
      assert.ok(
        typeof p.default === 'number' && p.default >= p.minimum! && p.default <= p.maximum!,
        `${name}: default in range`,
      );
    }
    // 0 means "off"; anything else is at least a minute.
    assert.deepEqual(
      [
        properties['partnerExplorer.statusBar.refreshInterval'].minimum,
        properties['partnerExplorer.requestTimeout'].minimum,
      ],
      [0, 1],
    );
  });

  it('each setting says where it may be set, and a folder cannot set what decides requests', () => {
    for (const [name, p] of Object.entries(properties)) {
      assert.ok(
        ['application', 'machine', 'window', 'resource'].includes(p.scope ?? ''),
        `${name} has an explicit scope`,
      );
    }
    for (const name of RESTRICTED) {
      assert.ok(properties[name], `${name} exists`);
      assert.ok(
        ['application', 'machine'].includes(properties[name].scope!),
        `${name}: user or machine settings only, not ${properties[name].scope}`,
      );
    }
    const { untrustedWorkspaces } = manifest.capabilities;
    assert.deepEqual([...(untrustedWorkspaces.restrictedConfigurations ?? [])].sort(), [...RESTRICTED].sort());
    // VS Code reads restrictedConfigurations with "limited" support, which needs a description.
    assert.equal(untrustedWorkspaces.supported, 'limited');
    assert.match(untrustedWorkspaces.description ?? '', /^%.+%$/, 'a translated description');
  });
});
