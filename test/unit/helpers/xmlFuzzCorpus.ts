/**
 * Provider-like XML answers for the fast path's differential fuzz (xmlDifferentialFuzz.test.ts):
 * seeded, so every run sees the same documents. Generated answers follow the shapes the
 * provider writes (`<result>` of `<entry>`, named leaves under `user`, CDATA strings,
 * `xsi:nil`), in the layouts seen in its samples and recorded answers; mutations then put in
 * what a server, a proxy or an editor may add: \r\n, no-break spaces, control characters,
 * stray markup, duplicate attributes, deep nesting, damaged names.
 */

/** mulberry32: a small seeded generator, the same numbers on every machine. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;
const pick = <T>(r: Random, items: readonly T[]): T => items[Math.floor(r() * items.length)];
const int = (r: Random, min: number, max: number): number => min + Math.floor(r() * (max - min + 1));

/** Characters the provider's texts carry, and the ones that test a reader. */
const TEXT_PIECES = [
  'Delivered',
  'Not delivered',
  'Waiting',
  'exemple@email.com',
  '+33600000001',
  '007',
  '10224.688',
  'EUR',
  'Le message est requis',
  "L'émetteur",
  'élève à Noël',
  '€',
  '😀',
  ' ',
  '  ',
  '\t',
  '\n',
  '\r\n',
  '\r',
  '\u00a0',
  '\u202f',
  '\u2003',
  '\ufeff',
  '\u0001',
  '\u001f',
  '&',
  '<',
  '>',
  '"',
  "'",
  ']]>',
  ']]',
  '&amp;',
  'a b',
  '0',
  '1599061044',
  '2025-03-02 09:15:00',
];

function text(r: Random): string {
  let out = '';
  for (let n = int(r, 0, 4); n > 0; n--) {
    out += pick(r, TEXT_PIECES);
  }
  return out;
}

type Value = string | number | boolean | null | Value[] | { [key: string]: Value };

const KEYS = [
  'success',
  'code',
  'messageId',
  'phoneNumber',
  'status',
  'cost',
  'stop',
  'date',
  'email',
  'token',
  'nbSms',
];

function value(r: Random, depth: number): Value {
  const roll = r();
  if (depth > 3 || roll < 0.45) {
    return pick<Value>(r, [text(r), text(r), int(r, 0, 100000), r() < 0.5, null, '']);
  }
  if (roll < 0.75) {
    return Array.from({ length: int(r, 0, 4) }, () => value(r, depth + 1));
  }
  const object: { [key: string]: Value } = {};
  for (let n = int(r, 1, 4); n > 0; n--) {
    object[pick(r, KEYS)] = value(r, depth + 1);
  }
  return object;
}

/** How one document is laid out: the provider's samples differ in each of these. */
interface Layout {
  readonly newline: string;
  readonly indent: string;
  readonly cdata: boolean;
  readonly nil: string;
}

const escape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const cdata = (s: string): string => `<![CDATA[${s.split(']]>').join(']]]]><![CDATA[>')}]]>`;

function write(parts: string[], v: Value, layout: Layout, depth: number, named?: string): void {
  const pad = layout.indent.repeat(depth);
  const tag = named ?? 'entry';
  const nl = layout.newline;
  if (v === null) {
    parts.push(`${pad}${layout.nil.replace('entry', tag)}${nl}`);
  } else if (typeof v === 'string') {
    parts.push(
      layout.cdata
        ? `${pad}<${tag}>${nl}${pad}${layout.indent}${cdata(v)}${nl}${pad}</${tag}>${nl}`
        : `${pad}<${tag}>${escape(v)}</${tag}>${nl}`,
    );
  } else if (typeof v !== 'object') {
    parts.push(`${pad}<${tag}>${String(v)}</${tag}>${nl}`);
  } else {
    parts.push(`${pad}<${tag}>${nl}`);
    // The provider names the leaves of its `user` object (<username>…); here, objects with an e-mail.
    const leaves = !Array.isArray(v) && depth === 1 && named === undefined && 'email' in v;
    for (const [k, item] of Object.entries(v)) {
      write(parts, item, layout, depth + 1, leaves ? k : undefined);
    }
    parts.push(`${pad}</${tag}>${nl}`);
  }
}

/** One generated answer: `<result>` with 1 to 6 entries, in a random layout of the provider's. */
export function generatedAnswer(r: Random): string {
  const layout: Layout = {
    newline: pick(r, ['\n', '\n', '\r\n', '']),
    indent: pick(r, ['', '  ', '    ', '\t']),
    cdata: r() < 0.6,
    nil: pick(r, ['<entry xsi:nil="true"/>', "<entry xsi:nil='true' />", '<entry xsi:nil="true"></entry>', '<entry/>']),
  };
  const parts = [
    pick(r, ['', '\ufeff']),
    pick(r, ['<?xml version="1.0" encoding="UTF-8"?>', "<?xml version='1.0' encoding='UTF-8'?>", '']),
    pick(r, ['\n', '\r\n', '\n ', '']),
    `<result>${layout.newline}`,
  ];
  for (let n = int(r, 1, 6); n > 0; n--) {
    write(parts, value(r, 0), layout, 1);
  }
  parts.push(`</result>${pick(r, ['\n', '', '\r\n', '  \n'])}`);
  return parts.join('');
}

const INSERTS = [
  '\r',
  '\r\n',
  '\u00a0',
  '\u2003',
  '\ufeff',
  '\u0001',
  '\u0000',
  '\t',
  ' ',
  '\n',
  '&amp;',
  '&#32;',
  '&#160;',
  '&#xA0;',
  '&#13;',
  '&#0;',
  '&#x110000;',
  '&#00000065;',
  '&nbsp;',
  '&bogus;',
  '&',
  '<',
  '>',
  ']]>',
  '<![CDATA[x]]>',
  '\u0001<![CDATA[y]]>',
  '<!-- c -->',
  '<?pi x?>',
  '<entry>',
  '</entry>',
  '<entry/>',
  '"',
  "'",
  '=',
  '/',
  ' xsi:nil="true"',
  ' a="1"',
  '<?xml version="1.0"?>',
  '<__proto__>1</__proto__>',
  '<!DOCTYPE result>',
];

/** One to three of the changes a server, proxy or editor may make. */
export function mutated(r: Random, xml: string): string {
  let out = xml;
  for (let n = int(r, 1, 3); n > 0; n--) {
    const at = int(r, 0, out.length);
    switch (int(r, 0, 9)) {
      case 0:
      case 1:
      case 2:
        out = out.slice(0, at) + pick(r, INSERTS) + out.slice(at);
        break;
      case 3:
        out = out.slice(0, at) + out.slice(at + int(r, 1, 6));
        break;
      case 4: {
        const end = at + int(r, 1, 40);
        out = out.slice(0, end) + out.slice(at, end) + out.slice(end);
        break;
      }
      case 5:
        out = pick(r, [' ', '\n', '\t', '\r\n']) + out;
        break;
      case 6:
        out = out.replace(/xsi:nil=("|')true\1/, (nil) => `${nil} ${pick(r, [nil, 'a="1"', 'xsi:nil="false"'])}`);
        break;
      case 7: {
        const depth = int(r, 96, 104);
        out = out
          .replace(/<entry>/, `<entry>${'<entry>'.repeat(depth)}`)
          .replace(/<\/result>/, `${'</entry>'.repeat(depth)}</result>`);
        break;
      }
      case 8: {
        const tags = [...out.matchAll(/<\/?entry/g)];
        if (tags.length > 0) {
          const tag = pick(r, tags);
          const cut = (tag.index ?? 0) + tag[0].length - int(r, 1, 3);
          out = out.slice(0, cut) + pick(r, ['\u0001', '\u00a0', ' ', '\u0000', 'é', '-']) + out.slice(cut);
        }
        break;
      }
      default:
        out = r() < 0.5 ? out.replace(/\n/g, '\r\n') : out.replace(/\n/g, '\r');
    }
  }
  return out;
}
