import type { XmlNode } from './xmlDocument';

/**
 * fast-xml-parser refuses an element deeper than this (its `maxNestedTags`, 100, counts
 * the open elements above the new one, the root included).
 */
const MAX_OPEN_ELEMENTS = 101;

/** An XML declaration as the provider writes it (version 1.0, an encoding, standalone). */
const DECLARATION =
  /<\?xml[ \t\n]+version[ \t\n]*=[ \t\n]*(?:"1\.0"|'1\.0')(?:[ \t\n]+encoding[ \t\n]*=[ \t\n]*(?:"[A-Za-z][\w.-]*"|'[A-Za-z][\w.-]*'))?(?:[ \t\n]+standalone[ \t\n]*=[ \t\n]*(?:"(?:yes|no)"|'(?:yes|no)'))?[ \t\n]*\?>/y;

/** Names fast-xml-parser renames (`#__proto__`): left to it. */
const RENAMED = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * A single-pass reader for the subset of XML the provider writes: elements,
 * text, CDATA, the five predefined entities and numeric references, and
 * `xsi:nil`, the only attribute the provider writes. It returns the same tree
 * fast-xml-parser gives, or undefined for anything else (comments, DOCTYPE, other
 * attributes and entities, mixed content, malformed input) so the general parser
 * decides, and reports errors with line numbers. It exists for speed: a
 * 5,000-recipient answer is 2 MB. test/unit/api/xmlDifferentialFuzz.test.ts holds
 * it to fast-xml-parser on generated and mutated answers.
 */
export function scanPositionalXml(input: string): XmlNode | undefined {
  // XML's end-of-line handling, as fast-xml-parser does first: \r\n and \r are \n, CDATA included.
  const xml = input.includes('\r') ? input.replace(/\r\n?/g, '\n') : input;
  // Open elements become the finished nodes in place (one object per element).
  interface Open {
    name: string;
    nil: boolean;
    children: XmlNode[];
    text: string | undefined;
  }
  const stack: Open[] = [];
  let root: XmlNode | undefined;
  let i = xml.charCodeAt(0) === 0xfeff ? 1 : 0;
  const n = xml.length;
  // The declaration only where XML allows it, first (after a byte order mark), and well formed.
  if (xml.startsWith('<?', i)) {
    DECLARATION.lastIndex = i;
    if (!DECLARATION.test(xml)) {
      return undefined;
    }
    i = DECLARATION.lastIndex;
  }
  while (i < n) {
    const lt = xml.indexOf('<', i);
    const textEnd = lt < 0 ? n : lt;
    // Most text between tags is indentation: skip it without allocating.
    while (i < textEnd && isAsciiSpace(xml.charCodeAt(i))) {
      i++;
    }
    if (textEnd > i) {
      const raw = xml.slice(i, textEnd);
      const top = stack[stack.length - 1];
      if (!top) {
        return undefined; // text outside the root
      } else {
        // fast-xml-parser trims each run of text with String#trim (no-break spaces too), then decodes it.
        const trimmed = raw.trim();
        if (trimmed !== '') {
          const decoded = decodeEntities(trimmed);
          if (decoded === undefined) {
            return undefined;
          }
          top.text += decoded;
        }
      }
    }
    if (lt < 0) {
      break;
    }
    const c = xml.charCodeAt(lt + 1);
    if (c === 0x21 /* ! */) {
      if (!xml.startsWith('<![CDATA[', lt)) {
        return undefined;
      } // comment, DOCTYPE
      const end = xml.indexOf(']]>', lt + 9);
      const top = stack[stack.length - 1];
      if (end < 0 || !top) {
        return undefined;
      }
      top.text += xml.slice(lt + 9, end);
      i = end + 3;
      continue;
    }
    if (c === 0x3f /* ? */) {
      return undefined;
    } // processing instruction
    const gt = xml.indexOf('>', lt);
    if (gt < 0) {
      return undefined;
    }
    if (c === 0x2f /* / */) {
      const open = stack.pop();
      if (!open || !closesAs(xml, lt + 2, gt, open.name)) {
        return undefined;
      }
      if (open.children.length > 0) {
        // Text beside elements: leave such documents to the general parser.
        if (open.text !== '') {
          return undefined;
        }
        open.text = undefined;
      }
      const node: XmlNode = open;
      if (stack.length === 0) {
        if (root) {
          return undefined;
        } // a second root
        root = node;
      } else {
        stack[stack.length - 1].children.push(node);
      }
      i = gt + 1;
      continue;
    }
    const selfClosing = xml.charCodeAt(gt - 1) === 0x2f;
    let name: string;
    let nil = false;
    if (gt - lt === 6 && xml.startsWith('entry', lt + 1)) {
      name = 'entry'; // the common case, without a regex
    } else {
      const inner = xml.slice(lt + 1, selfClosing ? gt - 1 : gt);
      // XML's white space only (a no-break space there is an error); at most one attribute, xsi:nil.
      const m = /^([A-Za-z_][\w.:-]*)(?:[ \t\n]+xsi:nil[ \t\n]*=[ \t\n]*(?:"([^"<&]*)"|'([^'<&]*)'))?[ \t\n]*$/.exec(
        inner,
      );
      if (!m || RENAMED.has(m[1])) {
        return undefined;
      }
      name = m[1];
      // fast-xml-parser trims attribute values too.
      nil = (m[2] ?? m[3])?.trim() === 'true';
    }
    if (stack.length === 0 && root) {
      return undefined;
    }
    if (selfClosing) {
      const node: XmlNode = { name, text: '', children: [], nil };
      if (stack.length === 0) {
        root = node;
      } else {
        stack[stack.length - 1].children.push(node);
      }
    } else {
      if (stack.length >= MAX_OPEN_ELEMENTS) {
        return undefined;
      }
      stack.push({ name, text: '', children: [], nil });
    }
    i = gt + 1;
  }
  return stack.length === 0 ? root : undefined;
}

/** Whether `</…>` between from and to names `name` (trailing spaces allowed). */
function closesAs(xml: string, from: number, to: number, name: string): boolean {
  if (!xml.startsWith(name, from)) {
    return false;
  }
  for (let k = from + name.length; k < to; k++) {
    const c = xml.charCodeAt(k);
    if (c !== 0x20 && c !== 0x09 && c !== 0x0a) {
      return false;
    }
  }
  return true;
}

/** What String#trim removes in the ASCII range: tab, line feed, vertical tab, form feed, carriage return, space. */
function isAsciiSpace(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d);
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(text: string): string | undefined {
  if (!text.includes('&')) {
    return text;
  }
  let failed = false;
  // fast-xml-parser decodes at most 7 decimal or 6 hexadecimal digits, and &#160; as a plain
  // space: anything else numeric is left to it.
  const out = text.replace(/&(#x[0-9a-fA-F]{1,6}|#\d{1,7}|[a-z]+);|&/g, (whole, ref: string | undefined) => {
    if (!ref) {
      failed = true;
      return whole;
    }
    if (ref[0] === '#') {
      const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff && code !== 0xa0 ? String.fromCodePoint(code) : ((failed = true), whole);
    }
    const named = NAMED[ref];
    if (named === undefined) {
      failed = true;
    }
    return named ?? whole;
  });
  return failed ? undefined : out;
}
