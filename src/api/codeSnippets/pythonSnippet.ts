import { literal, type LiteralSyntax, type Resolved } from './snippetInput';

const python: LiteralSyntax = {
  // JSON's string escapes are Python's too.
  string: (text) => JSON.stringify(text),
  env: (name) => `os.environ["${name}"]`,
  key: (name) => JSON.stringify(name),
  object: ['{', '}', ': '],
  array: ['[', ']'],
  indent: '    ',
  lastComma: true,
};

export function pythonSnippet(r: Resolved): string {
  const headers = r.body
    ? `{"Accept": "${r.accept}", "Content-Type": "application/json"}`
    : `{"Accept": "${r.accept}"}`;
  return [
    `# ${r.comment}`,
    'import os',
    '',
    'import requests',
    '',
    'response = requests.request(',
    `    "${r.method}",`,
    `    "${r.url}",`,
    `    params=${literal(Object.fromEntries(r.query), python, 1)},`,
    ...(r.body ? [`    json=${literal(r.body, python, 1)},`] : []),
    `    headers=${headers},`,
    '    timeout=10,',
    ')',
    'print(response.text)',
    '',
  ].join('\n');
}
