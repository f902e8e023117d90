import * as assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createClient, type ServiceId } from '../../../src/api';

const ROOT = join(__dirname, '../../../..');

/** The emulator as `npm run demo` and the Run Extension launch start it: a process, its URLs on stdout. */
function startCli(
  args: string[],
): Promise<{ child: ChildProcess; info: Record<ServiceId, { apiUrl: string; apiKey: string }> }> {
  const child = spawn(process.execPath, [join(ROOT, 'out/test/emulator/cli.js'), '--stdin', ...args], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let text = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      if (text.includes('\n')) {
        resolve({ child, info: JSON.parse(text.split('\n')[0]) });
      }
    });
    child.once('exit', (code) => reject(new Error(`emulator exited with ${code}`)));
  });
}

async function credits(info: Record<ServiceId, { apiUrl: string; apiKey: string }>) {
  const read = (service: ServiceId) =>
    createClient(service, {
      baseUrl: info[service].apiUrl,
      apiKey: info[service].apiKey,
      format: 'json',
      timeoutMs: 5000,
    })
      .getCredits()
      .then((a) => a.credits);
  return { sms: await read('sms'), mail: await read('mail') };
}

describe("the demo's sample data", () => {
  it("npm run demo starts the emulator with each service's own figures", () => {
    const demo = readFileSync(join(ROOT, 'scripts/demo.mjs'), 'utf8');
    assert.match(demo, /const emulatorArgs = \[[^\]]*'--demo'/);
  });

  it("with --demo, the Mail account does not show the SMS account's count and balance", async () => {
    const { child, info } = await startCli(['--demo']);
    try {
      const { sms, mail } = await credits(info);
      assert.equal(sms.service === 'sms' && sms.sms, 269082);
      assert.equal(sms.balance.amount, '10225.119');
      assert.equal(mail.service === 'mail' && mail.mails, 48310);
      assert.equal(mail.balance.amount, '1932.400');
    } finally {
      child.kill('SIGTERM');
    }
  });

  it("without it, both answer the provider's documented /me samples, which the tests compare with", async () => {
    const { child, info } = await startCli([]);
    try {
      const { sms, mail } = await credits(info);
      assert.equal(mail.service === 'mail' && mail.mails, 269082);
      assert.equal(sms.balance.amount, mail.balance.amount);
    } finally {
      child.kill('SIGTERM');
    }
  });
});
