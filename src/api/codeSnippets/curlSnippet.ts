import { isEnvKey, literal, type EnvKey, type LiteralSyntax, type Resolved } from './snippetInput';

/** In single quotes, a quote closes, escapes and reopens. */
const quoted = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

/** JSON inside a single-quoted shell word: the key is spliced in as `"$VAR"`, outside the quotes. */
const json: LiteralSyntax = {
  string: (text) => JSON.stringify(text).replace(/'/g, `'\\''`),
  env: (name) => `"'"$${name}"'"`,
  key: (name) => JSON.stringify(name),
  object: ['{', '}', ': '],
  array: ['[', ']'],
  indent: '  ',
  lastComma: false,
};

export function curlSnippet(r: Resolved): string {
  const query = (value: string | EnvKey) => (isEnvKey(value) ? `$${value.env}` : encodeURIComponent(value));
  // A read: -G sends the parameters as the query. An action: its few parameters (`_format`) in the URL, the key in the body.
  const args = r.body
    ? [quoted(`${r.url}?${r.query.map(([n, v]) => `${n}=${query(v)}`).join('&')}`)]
    : ['-G', quoted(r.url)];
  args.push(`-H ${quoted(`Accept: ${r.accept}`)}`);
  if (r.body) {
    args.push(`-H 'Content-Type: application/json'`, `--data '${literal(r.body, json)}'`);
  } else {
    for (const [name, value] of r.query) {
      args.push(`--data-urlencode ${isEnvKey(value) ? `"${name}=$${value.env}"` : quoted(`${name}=${value}`)}`);
    }
  }
  return `# ${r.comment}\ncurl -sS -X ${r.method} ${args.join(' \\\n  ')}\n`;
}
