import type { XmlNode } from './xmlDocument';

/**
 * A single-pass reader for the subset of XML the provider writes: elements,
 * text, CDATA, the five predefined entities and numeric references, and
 * attributes (only `xsi:nil` matters). It returns the same tree fast-xml-parser
 * gives, or undefined for anything else (comments, DOCTYPE, other entities,
 * mixed content, malformed input) so the general parser decides, and reports
 * errors with line numbers. It exists for speed: a 5,000-recipient answer is 2 MB.
 */
export function scanPositionalXml(xml: string): XmlNode | undefined {
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
  if (xml.startsWith('<?xml', skipSpace(xml, i))) {
    const end = xml.indexOf('?>', i);
    if (end < 0) {
      return undefined;
    }
    i = end + 2;
  }
  while (i < n) {
    const lt = xml.indexOf('<', i);
    const textEnd = lt < 0 ? n : lt;
    // Most text between tags is indentation: skip it without allocating.
    while (i < textEnd && xml.charCodeAt(i) <= 0x20) {
      i++;
    }
    if (textEnd > i) {
      const raw = xml.slice(i, textEnd);
      const top = stack[stack.length - 1];
      if (!top) {
        return undefined; // text outside the root
      } else {
        const trimmed = raw.trimEnd();
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
      const m = /^([A-Za-z_][\w.:-]*)((?:\s+[A-Za-z_][\w.:-]*\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*$/.exec(inner);
      if (!m) {
        return undefined;
      }
      name = m[1];
      nil = /(?:^|\s)xsi:nil\s*=\s*["']true["']/.test(m[2]);
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
    if (xml.charCodeAt(k) > 0x20) {
      return false;
    }
  }
  return true;
}

function skipSpace(s: string, i: number): number {
  while (i < s.length && (s[i] === ' ' || s[i] === '\n' || s[i] === '\r' || s[i] === '\t')) {
    i++;
  }
  return i;
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(text: string): string | undefined {
  if (!text.includes('&')) {
    return text;
  }
  let failed = false;
  const out = text.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-z]+);|&/g, (whole, ref: string | undefined) => {
    if (!ref) {
      failed = true;
      return whole;
    }
    if (ref[0] === '#') {
      const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : ((failed = true), whole);
    }
    const named = NAMED[ref];
    if (named === undefined) {
      failed = true;
    }
    return named ?? whole;
  });
  return failed ? undefined : out;
}
