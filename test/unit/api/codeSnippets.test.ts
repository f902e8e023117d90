import * as assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  costResumeRequest,
  lookupRequest,
  mailSendRequest,
  messageStatusRequest,
  meRequest,
  sendApiRequest,
  smsSendRequest,
  stopListRequest,
  subaccountListRequest,
  tagStatusRequest,
  type ApiRequest,
} from '../../../src/api/apiRequest';
import { codeSnippet, SNIPPET_LANGUAGES, type SnippetLanguage } from '../../../src/api/codeSnippets';
import { Transport } from '../../../src/api/transport';
import { Pacer, SERVICES, type ResponseFormat, type ServiceId } from '../../../src/api';
import { SAMPLE_TAGS } from '../../emulator/routes/messages';
import { useEmulator } from '../helpers/emulatorFixture';

const FORMATS: ResponseFormat[] = ['json', 'xml'];
const LANGUAGES = Object.keys(SNIPPET_LANGUAGES) as SnippetLanguage[];

interface Case {
  readonly name: string;
  readonly service: ServiceId;
  readonly request: ApiRequest;
  /** A send: a new id each time, so only the answer's shape is compared. */
  readonly fresh?: boolean;
}

/** Every request Copy as Code offers, with inputs a user could type (quotes, accents, a `$`). */
const CASES: readonly Case[] = [
  { name: 'SMS credits', service: 'sms', request: meRequest() },
  { name: 'SMS sub-account page 1', service: 'sms', request: subaccountListRequest(1) },
  { name: 'SMS delivery status', service: 'sms', request: messageStatusRequest('111') },
  { name: 'SMS status by tag', service: 'sms', request: tagStatusRequest(SAMPLE_TAGS.promo, 2) },
  { name: 'SMS number lookup', service: 'sms', request: lookupRequest('06 12 34 56 78') },
  { name: 'SMS STOP list', service: 'sms', request: stopListRequest(1) },
  {
    name: 'SMS statistics',
    service: 'sms',
    request: costResumeRequest({
      kind: 'custom',
      from: { year: 2026, month: 1, day: 1 },
      to: { year: 2026, month: 3, day: 31 },
    }),
  },
  {
    name: 'SMS test send',
    service: 'sms',
    fresh: true,
    request: smsSendRequest({
      phoneNumbers: ['+33612345678', '+33612345679'],
      sender: 'Agence',
      message: `L'été "promo" à $5 \\o/`,
      sandbox: true,
    }),
  },
  { name: 'Mail credits', service: 'mail', request: meRequest() },
  { name: 'Mail sub-account page 1', service: 'mail', request: subaccountListRequest(1) },
  { name: 'Mail delivery status', service: 'mail', request: messageStatusRequest('300') },
  {
    name: 'Mail test send',
    service: 'mail',
    fresh: true,
    request: mailSendRequest({
      to: ['client@exemple.fr'],
      subject: `Offre d'été`,
      htmlContent: `<p class="x">Bonjour $prénom, c'est l'été</p>`,
      sandbox: true,
    }),
  },
];

function has(tool: string, args: string[]): boolean {
  try {
    execFileSync(tool, args, { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** How each runnable snippet runs, and whether this machine can. */
interface Tool {
  readonly file: string;
  readonly command: string[];
  /** What must be on the machine, as the output names it when it is not. */
  readonly needs: string;
  readonly available: boolean;
}
const RUNNERS: Partial<Record<SnippetLanguage, Tool>> = {
  curl: { file: 'snippet.sh', command: ['sh'], needs: 'curl', available: has('curl', ['--version']) },
  javascript: { file: 'snippet.js', command: [process.execPath], needs: 'node', available: true },
  python: {
    file: 'snippet.py',
    command: ['python3'],
    needs: 'python3 with requests',
    available: has('python3', ['-c', 'import requests']),
  },
};
const CHECKERS: Partial<Record<SnippetLanguage, Tool>> = {
  php: { file: 'snippet.php', command: ['php', '-l'], needs: 'php', available: has('php', ['--version']) },
  go: {
    file: 'main.go',
    command: ['gofmt', '-e'],
    needs: 'gofmt',
    available: has('gofmt', ['--help']) || has('go', ['version']),
  },
};

function run(command: string[], file: string, env: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      command[0],
      [...command.slice(1), file],
      // Straight to the emulator on 127.0.0.1, whatever proxy the machine's environment names.
      {
        env: { ...process.env, NO_PROXY: '127.0.0.1,localhost', no_proxy: '127.0.0.1,localhost', ...env },
        timeout: 20_000,
      },
      (e, out, err) => (e ? reject(new Error(`${command.join(' ')} failed: ${e.message}\n${err}`)) : resolve(out)),
    );
  });
}

/** The answer as data: JSON parsed, XML without the spaces between its elements. */
function parsed(body: string, format: ResponseFormat, fresh: boolean): unknown {
  const value = format === 'json' ? JSON.stringify(JSON.parse(body)) : body.trim().replace(/>\s+</g, '><');
  // A send's id, cost and date are its own: compare the fields and their order.
  return fresh ? value.replace(/\d+(\.\d+)?/g, '#') : format === 'json' ? JSON.parse(body) : value;
}

describe('Copy as Code: snippets', () => {
  const emulator = useEmulator();
  let dir = '';
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'partner-snippets-'));
    for (const [language, tool] of Object.entries({ ...RUNNERS, ...CHECKERS })) {
      if (!tool?.available) {
        console.log(`      (Copy as Code: ${language} snippets not run or checked: ${tool?.needs} is missing here)`);
      }
    }
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('never hold the key, and read it from the service variable', () => {
    const keys = ['SECRET-sms-key-1234567890', 'secret mail key'];
    for (const format of FORMATS) {
      for (const c of CASES) {
        for (const language of LANGUAGES) {
          const snippet = codeSnippet(language, {
            service: c.service,
            baseUrl: 'https://api.x/v1',
            format,
            request: c.request,
          });
          for (const key of keys) {
            assert.ok(!snippet.includes(key), `${c.name} in ${language}`);
          }
          assert.match(snippet, new RegExp(SERVICES[c.service].keyEnvVar), `${c.name} in ${language}`);
          assert.ok(snippet.includes(SERVICES[c.service].dashboardUrl), `${c.name} in ${language}: where to get a key`);
          assert.match(snippet, new RegExp(`_format\\W{1,6}${format}\\b`), `${c.name} in ${language}`);
          assert.ok(snippet.includes(`https://api.x/v1/${c.request.path}`), `${c.name} in ${language}`);
        }
      }
    }
  });

  it("write the user's text as a literal of each language, whatever quotes, backslashes or $ it holds", () => {
    const text = `L'été "promo" à $5 \\o/`;
    const request = smsSendRequest({ phoneNumbers: ['+33612345678'], message: text, sandbox: true });
    const write = (language: SnippetLanguage) =>
      codeSnippet(language, { service: 'sms', baseUrl: 'https://api.x/v1', format: 'json', request });
    assert.ok(write('php').includes(`'message' => 'L\\'été "promo" à $5 \\\\o/'`), write('php'));
    assert.ok(write('go').includes(`"message": ${JSON.stringify(text)}`), write('go'));
    assert.ok(write('python').includes(`"message": ${JSON.stringify(text)}`), write('python'));
    // In curl the JSON sits in single quotes: a quote closes, escapes and reopens them.
    assert.ok(write('curl').includes(`"message": "L'\\''été \\"promo\\" à $5 \\\\o/"`), write('curl'));
    // Go refuses an unused import: a read has no body to encode.
    const read = codeSnippet('go', {
      service: 'sms',
      baseUrl: 'https://api.x/v1',
      format: 'xml',
      request: meRequest(),
    });
    assert.ok(!read.includes('"bytes"') && !read.includes('"encoding/json"') && write('go').includes('"bytes"'), read);
  });

  for (const format of FORMATS) {
    for (const c of CASES) {
      it(`${c.name} (${format}): curl, Node and Python get the client's answer; PHP and Go parse where their tools are`, async function () {
        this.timeout(60_000);
        const e = emulator();
        const input = { service: c.service, baseUrl: e.apiUrl(c.service), format, request: c.request };
        const transport = new Transport({
          service: c.service,
          baseUrl: input.baseUrl,
          apiKey: e.apiKey(c.service),
          format,
          // Its own pacer: the statistics' 5 a minute are not shared with the other suites.
          pacer: new Pacer(),
        });
        const expected = await sendApiRequest(transport, c.request);
        assert.equal(expected.status, 200);
        const clientRecord = e.requests.at(-1);
        for (const language of LANGUAGES) {
          const tool = RUNNERS[language] ?? CHECKERS[language];
          if (!tool?.available) {
            continue;
          }
          const file = join(dir, tool.file);
          writeFileSync(file, codeSnippet(language, input));
          const env = { [SERVICES[c.service].keyEnvVar]: e.apiKey(c.service) };
          const out = await run(tool.command, file, env);
          if (RUNNERS[language]) {
            assert.deepEqual(parsed(out, format, !!c.fresh), parsed(expected.body, format, !!c.fresh), language);
            const record = e.requests.at(-1);
            assert.ok(record?.keyOk, `${language}: the key from the environment`);
            assert.deepEqual(
              { endpoint: record?.endpoint, format: record?.format, page: record?.page, method: record?.method },
              {
                endpoint: clientRecord?.endpoint,
                format: clientRecord?.format,
                page: clientRecord?.page,
                method: clientRecord?.method,
              },
              language,
            );
          }
        }
      });
    }
  }
});
