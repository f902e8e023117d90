import type { XMLParser } from 'fast-xml-parser';
import { scanPositionalXml } from './positionalXmlScanner';

/** One element of a parsed XML answer, in document order. */
export interface XmlNode {
  readonly name: string;
  /** Text content (CDATA included), trimmed; undefined when the element has children. */
  readonly text?: string;
  readonly children: readonly XmlNode[];
  /** `xsi:nil="true"`: the JSON twin has `null` here. */
  readonly nil: boolean;
}

/** Not a usable XML answer; `line` where the parser stopped, when it says. */
export class XmlSyntaxError extends Error {
  constructor(
    message: string,
    readonly line?: number,
  ) {
    super(message);
  }
}

let parser: XMLParser | undefined;

// Everything stays text: numbers are typed later by schema, so `+33600000001`
// and `007` survive, and one-element lists stay lists (order is preserved).
// Loaded on the first XML answer outside the fast path, not at activation (most users read JSON).
function xmlParser(): XMLParser {
  // The package's public entry, required here rather than imported: the extension's build
  // makes it a file of its own, dist/xmlParser.js, read on first use (scripts/build.mjs).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { XMLParser: Parser } = require('fast-xml-parser') as typeof import('fast-xml-parser');
  return new Parser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    ignoreDeclaration: true,
    ignorePiTags: true,
    processEntities: {
      enabled: true,
      // Its default stops at 1,000 references in a document, which a long answer with
      // accented names (&#233;) passes; DOCTYPE entities stay bounded by their size,
      // depth and expanded length.
      maxTotalExpansions: Number.MAX_SAFE_INTEGER,
      maxEntitySize: 10000,
      maxExpansionDepth: 10,
      maxExpandedLength: 100000,
    },
    // Numeric references (&#233;) are XML; this also decodes them.
    htmlEntities: true,
  });
}

type OrderedEntry = Record<string, unknown> & { ':@'?: Record<string, string> };

/** Parses an answer whose single root element must be `rootName`. */
export function parseXmlDocument(xml: string, rootName = 'result'): XmlNode {
  // The provider's own subset takes the fast path; anything else, and every
  // error (with its line), goes through fast-xml-parser.
  const scanned = scanPositionalXml(xml);
  if (scanned && scanned.name === rootName) {
    return scanned;
  }
  return parseWithFastXmlParser(xml, rootName);
}

/** The general path: fast-xml-parser with validation. Exported for the differential test. */
export function parseWithFastXmlParser(xml: string, rootName = 'result'): XmlNode {
  // Outside the try: a parser that cannot be loaded is our fault, not a malformed answer.
  parser ??= xmlParser();
  let parsed: unknown;
  try {
    // `true` validates first: the parser alone accepts unclosed tags and several roots.
    parsed = parser.parse(xml, true);
  } catch (err) {
    // The validator's text looks like "Multiple possible root nodes found.:3:11".
    const raw = err instanceof Error ? err.message.split('\n')[0] : String(err);
    const m = /:(\d+):\d+$/.exec(raw);
    throw new XmlSyntaxError(`not well-formed XML: ${raw}`, m ? Number(m[1]) : undefined);
  }
  const nodes = toNodes(parsed);
  if (nodes.length !== 1 || nodes[0].name !== rootName) {
    const names =
      nodes
        .map((n) => n.name)
        .slice(0, 3)
        .join(', ') || 'nothing';
    throw new XmlSyntaxError(`expected one <${rootName}> root element, found ${names}`, 1);
  }
  return nodes[0];
}

function toNodes(value: unknown): XmlNode[] {
  if (!Array.isArray(value)) {
    throw new XmlSyntaxError('not well-formed XML');
  }
  const out: XmlNode[] = [];
  let texts: string[] | undefined;
  for (const item of value as OrderedEntry[]) {
    for (const key of Object.keys(item)) {
      if (key === ':@') {
        continue;
      }
      if (key === '#text') {
        (texts ??= []).push(String(item[key]));
        continue;
      }
      const attrs = item[':@'];
      const inner = toNodes(item[key]);
      const textOnly = inner.length === 1 && inner[0].name === '#text';
      out.push({
        name: key,
        text: textOnly ? inner[0].text : inner.length === 0 ? '' : undefined,
        children: textOnly ? [] : inner,
        nil: attrs?.['@_xsi:nil'] === 'true',
      });
    }
  }
  if (texts) {
    // Mixed text and elements: only text-only nodes matter to us.
    const text = texts.join('');
    return out.length === 0 ? [{ name: '#text', text, children: [], nil: false }] : out;
  }
  return out;
}
