import * as assert from 'node:assert/strict';
import {
  applyChanges,
  envReplacement,
  isDotenv,
  type CodeLanguage,
} from '../../../../src/providers/apiKeys/envReplacement';

const KEY = 'sms-demo-key-6f1c2a9e4b7d';
const V = 'SMSPARTNER_API_KEY';

function fixed(language: CodeLanguage, text: string): string {
  const at = text.indexOf(KEY);
  return applyChanges(text, envReplacement(text, at, KEY.length, language, V));
}

describe('key replaced by an environment variable', () => {
  const cases: [CodeLanguage, string, string][] = [
    ['js', `const key = '${KEY}';`, `const key = process.env.${V};`],
    ['js', `fetch("https://x/me?apiKey=${KEY}")`, `fetch("https://x/me?apiKey=" + process.env.${V})`],
    ['js', `const u = \`a=${KEY}&b\`;`, `const u = \`a=\${process.env.${V}}&b\`;`],
    ['js', `const k = "it\\"s ${KEY}";`, `const k = "it\\"s " + process.env.${V};`],
    ['python', `KEY = "${KEY}"\n`, `import os\nKEY = os.environ["${V}"]\n`],
    [
      'python',
      `#!/usr/bin/env python\nimport os, sys\nk = '${KEY}'\n`,
      `#!/usr/bin/env python\nimport os, sys\nk = os.environ["${V}"]\n`,
    ],
    [
      'python',
      `from __future__ import annotations\nk = f'Bearer ${KEY}'\n`,
      `from __future__ import annotations\nimport os\nk = f'Bearer ' + os.environ["${V}"]\n`,
    ],
    ['php', `$k = '${KEY}';`, `$k = getenv('${V}');`],
    ['php', `$u = "a${KEY}b";`, `$u = "a" . getenv('${V}') . "b";`],
    [
      'go',
      `package main\n\nfunc main() { k := "${KEY}" }\n`,
      `package main\n\nimport "os"\n\nfunc main() { k := os.Getenv("${V}") }\n`,
    ],
    [
      'go',
      `package main\n\nimport (\n\t"fmt"\n)\n\nvar k = "${KEY}"\n`,
      `package main\n\nimport (\n\t"os"\n\t"fmt"\n)\n\nvar k = os.Getenv("${V}")\n`,
    ],
    ['shell', `curl "https://x/me?apiKey=${KEY}"`, `curl "https://x/me?apiKey=$${V}"`],
    ['shell', `KEY='${KEY}'`, `KEY="$${V}"`],
    ['shell', `KEY=${KEY}`, `KEY=$${V}`],
    ['shell', `echo "${KEY}x"`, `echo "\${${V}}x"`],
    ['shell', `echo 'k=${KEY}'`, `echo 'k='"$${V}"''`],
    // A Python string prefix goes with its literal (`u"…"` would leave `uos.environ[…]`).
    ['python', `k = u"${KEY}"\n`, `import os\nk = os.environ["${V}"]\n`],
    ['python', `k = (r'${KEY}')\n`, `import os\nk = (os.environ["${V}"])\n`],
    ['python', `h = f"${KEY}:{user}"\n`, `import os\nh = os.environ["${V}"] + f":{user}"\n`],
    ['python', `h = f"k=${KEY}&u={user}"\n`, `import os\nh = f"k=" + os.environ["${V}"] + f"&u={user}"\n`],
    // A backslash escapes the quote in single-quoted JS, Python and PHP strings (not in shell).
    ['js', `const k = 'it\\'s ${KEY}';`, `const k = 'it\\'s ' + process.env.${V};`],
    ['python', `k = 'it\\'s ${KEY}'\n`, `import os\nk = 'it\\'s ' + os.environ["${V}"]\n`],
    ['php', `$k = 'it\\'s ${KEY}';`, `$k = 'it\\'s ' . getenv('${V}');`],
    // A Go constant cannot hold a call: a one-line `const` becomes a `var` (or it would not compile).
    [
      'go',
      `package main\n\nimport "os"\n\nconst apiKey = "${KEY}"\n`,
      `package main\n\nimport "os"\n\nvar apiKey = os.Getenv("${V}")\n`,
    ],
    [
      'go',
      `package main\n\nimport "os"\n\n\tconst u string = "https://x/me?apiKey=${KEY}"\n`,
      `package main\n\nimport "os"\n\n\tvar u string = "https://x/me?apiKey=" + os.Getenv("${V}")\n`,
    ],
    // Unquoted and followed by a name character: braced, or the shell reads another variable.
    ['shell', `K=${KEY}_old`, `K=\${${V}}_old`],
  ];
  for (const [language, before, after] of cases) {
    it(`${language}: ${before.replace(/\n/g, '⏎')}`, () => {
      const result = fixed(language, before);
      assert.equal(result, after);
      assert.ok(!result.includes(KEY));
    });
  }

  it('offers no replacement where PHP wants a constant expression (a const cannot call getenv)', () => {
    for (const text of [
      `<?php\nconst API_KEY = '${KEY}';`,
      `<?php\nclass Sms {\n    private const KEY = "a${KEY}";\n}`,
    ]) {
      assert.deepEqual(envReplacement(text, text.indexOf(KEY), KEY.length, 'php', V), []);
    }
  });

  it('offers no replacement where a read cannot go: a Go const block, a TS enum or `as const`, a Python triple-quoted string', () => {
    const cases: Array<[CodeLanguage, string]> = [
      ['go', `package main\n\nconst (\n\tsender = "MyShop"\n\tapiKey = "${KEY}"\n)\n`],
      ['js', `enum Keys {\n  Sms = '${KEY}',\n}\n`],
      ['js', `const apiKey = '${KEY}' as const;\n`],
      ['python', `API_KEY = """${KEY}"""\n`],
      ['python', `API_KEY = '''${KEY}'''\n`],
    ];
    for (const [language, text] of cases) {
      assert.deepEqual(envReplacement(text, text.indexOf(KEY), KEY.length, language, V), [], text);
    }
    // Outside those, the same keys are replaced: after a const block is closed, and in a plain object.
    const after = `package main\n\nconst (\n\tsender = "MyShop"\n)\n\nvar apiKey = "${KEY}"\n`;
    assert.ok(!fixed('go', after).includes(KEY));
    assert.ok(!fixed('js', `const config = { apiKey: '${KEY}' } as const;\n`).includes(KEY));
  });

  it('knows .env files by name', () => {
    assert.ok(isDotenv('/w/.env', 'plaintext'));
    assert.ok(isDotenv('/w/config/.env.local', 'properties'));
    assert.ok(isDotenv('C:\\w\\prod.env', 'plaintext'));
    assert.ok(!isDotenv('/w/environment.ts', 'typescript'));
  });
});
