import { literal, type LiteralSyntax, type Resolved } from './snippetInput';

export const jsSyntax: LiteralSyntax = {
  string: (text) => JSON.stringify(text),
  env: (name) => `process.env.${name}`,
  key: (name) => (/^[A-Za-z_$][\w$]*$/.test(name) ? name : JSON.stringify(name)),
  object: ['{', '}', ': '],
  array: ['[', ']'],
  indent: '  ',
  lastComma: true,
};

/** Node 18+ (`fetch` built in), CommonJS or ES module alike: no top-level await. */
export function nodeSnippet(r: Resolved): string {
  const query = literal(Object.fromEntries(r.query), jsSyntax);
  const headers = r.body
    ? `{ Accept: '${r.accept}', 'Content-Type': 'application/json' }`
    : `{ Accept: '${r.accept}' }`;
  const body = r.body ? `\n  body: JSON.stringify(${literal(r.body, jsSyntax, 1)}),` : '';
  return [
    `// Node 18+. ${r.comment}`,
    `const query = new URLSearchParams(${query});`,
    `fetch(\`${r.url}?\${query}\`, {`,
    `  method: '${r.method}',`,
    `  headers: ${headers},${body}`,
    `})`,
    `  .then((response) => response.text())`,
    `  .then((answer) => console.log(answer));`,
    '',
  ].join('\n');
}
