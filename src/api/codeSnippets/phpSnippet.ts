import { literal, type LiteralSyntax, type Resolved } from './snippetInput';

const phpString = (text: string) => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

const php: LiteralSyntax = {
  string: phpString,
  env: (name) => `getenv('${name}')`,
  key: phpString,
  object: ['[', ']', ' => '],
  array: ['[', ']'],
  indent: '    ',
  lastComma: true,
};

/** With the `curl_*` functions, as the provider's own PHP examples. */
export function phpSnippet(r: Resolved): string {
  const headers = r.body ? `['Accept: ${r.accept}', 'Content-Type: application/json']` : `['Accept: ${r.accept}']`;
  return [
    '<?php',
    `// ${r.comment}`,
    `$query = ${literal(Object.fromEntries(r.query), php)};`,
    ...(r.body ? [`$fields = ${literal(r.body, php)};`] : []),
    '',
    '$curl = curl_init();',
    `curl_setopt($curl, CURLOPT_URL, '${r.url}?' . http_build_query($query));`,
    `curl_setopt($curl, CURLOPT_CUSTOMREQUEST, '${r.method}');`,
    `curl_setopt($curl, CURLOPT_HTTPHEADER, ${headers});`,
    ...(r.body ? ['curl_setopt($curl, CURLOPT_POSTFIELDS, json_encode($fields));'] : []),
    'curl_setopt($curl, CURLOPT_RETURNTRANSFER, true);',
    'curl_setopt($curl, CURLOPT_TIMEOUT, 10);',
    '$result = curl_exec($curl);',
    'curl_close($curl);',
    'echo $result;',
    '',
  ].join('\n');
}
