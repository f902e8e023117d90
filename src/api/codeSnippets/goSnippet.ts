import { isEnvKey, literal, type LiteralSyntax, type Resolved } from './snippetInput';

const go: LiteralSyntax = {
  // JSON's string escapes are Go's too.
  string: (text) => JSON.stringify(text),
  env: (name) => `os.Getenv("${name}")`,
  key: (name) => JSON.stringify(name),
  object: ['map[string]any{', '}', ': '],
  array: ['[]any{', '}'],
  indent: '\t',
  lastComma: true,
};

/** A whole program (`go run main.go`); its imports are exactly those it uses (Go refuses others). */
export function goSnippet(r: Resolved): string {
  const imports = [...(r.body ? ['bytes', 'encoding/json'] : []), 'fmt', 'io', 'net/http', 'net/url', 'os'];
  const query = r.query.map(([n, v]) => `\tquery.Set("${n}", ${isEnvKey(v) ? go.env(v.env) : JSON.stringify(v)})`);
  return [
    `// ${r.comment}`,
    'package main',
    '',
    `import (\n${imports.map((i) => `\t"${i}"\n`).join('')})`,
    '',
    'func main() {',
    '\tquery := url.Values{}',
    ...query,
    ...(r.body
      ? [`\tbody, _ := json.Marshal(${literal(r.body, go, 1)})`, `\tpayload := bytes.NewReader(body)`]
      : ['\tvar payload io.Reader']),
    `\trequest, err := http.NewRequest("${r.method}", "${r.url}?"+query.Encode(), payload)`,
    '\tif err != nil {\n\t\tpanic(err)\n\t}',
    `\trequest.Header.Set("Accept", "${r.accept}")`,
    ...(r.body ? ['\trequest.Header.Set("Content-Type", "application/json")'] : []),
    '\tresponse, err := http.DefaultClient.Do(request)',
    '\tif err != nil {\n\t\tpanic(err)\n\t}',
    '\tdefer response.Body.Close()',
    '\tanswer, _ := io.ReadAll(response.Body)',
    '\tfmt.Println(string(answer))',
    '}',
    '',
  ].join('\n');
}
