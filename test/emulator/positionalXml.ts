/**
 * Writes a JSON answer the way the provider's `_format=xml` does: a `<result>` of
 * `<entry>` elements in JSON key order, nested objects and lists as nested entries,
 * strings in CDATA, null as `xsi:nil`, and the `user` object with named leaves.
 */
export function toPositionalXml(answer: Record<string, unknown>): string {
  const parts: string[] = ['<?xml version="1.0" encoding="UTF-8"?>\n<result>\n'];
  for (const [key, value] of Object.entries(answer)) {
    write(parts, value, key === 'user', 1);
  }
  parts.push('</result>\n');
  return parts.join('');
}

function write(parts: string[], value: unknown, named: boolean, depth: number): void {
  const pad = '    '.repeat(depth);
  if (value === null || value === undefined) {
    parts.push(`${pad}<entry xsi:nil="true"/>\n`);
  } else if (typeof value === 'string') {
    parts.push(`${pad}<entry>\n${pad}    ${cdata(value)}\n${pad}</entry>\n`);
  } else if (typeof value === 'number' || typeof value === 'boolean') {
    parts.push(`${pad}<entry>${String(value)}</entry>\n`);
  } else if (Array.isArray(value)) {
    parts.push(`${pad}<entry>\n`);
    for (const item of value) {
      write(parts, item, false, depth + 1);
    }
    parts.push(`${pad}</entry>\n`);
  } else if (named) {
    parts.push(`${pad}<entry>\n`);
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      parts.push(`${pad}    <${k}>${escapeText(String(v))}</${k}>\n`);
    }
    parts.push(`${pad}</entry>\n`);
  } else {
    parts.push(`${pad}<entry>\n`);
    for (const v of Object.values(value as Record<string, unknown>)) {
      write(parts, v, false, depth + 1);
    }
    parts.push(`${pad}</entry>\n`);
  }
}

function cdata(text: string): string {
  return `<![CDATA[${text.split(']]>').join(']]]]><![CDATA[>')}]]>`;
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
