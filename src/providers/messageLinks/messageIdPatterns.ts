import type { ServiceId } from '../../api';

/**
 * Where the provider's message ids appear in text: its JSON answers (`"message_id": 307`,
 * `"messageId": "4242"`), the logs people write (`message_id=307`, `messageId: 4242`,
 * `'message_id' => 307`, `?messageId=4242`) and XML (`<message_id>307</message_id>`).
 * Pure text work (no `vscode`): the editor and terminal providers and the tests share it.
 */

/** The patterns used when the setting lists none: one capture group, the id. */
export const DEFAULT_PATTERNS: readonly string[] = [
  String.raw`\b(?:message_id|messageId)["']?\]?\s*(?:=>|[=:])\s*["']?(\d{1,20})\b`,
  String.raw`<(?:message_id|messageId)>\s*(\d{1,20})\s*</`,
];

/** A user's pattern longer than this is refused: real ones are short, long ones are pastes. */
export const MAX_PATTERN_LENGTH = 300;

export interface CompiledPattern {
  readonly source: string;
  readonly regex: RegExp;
}

export type PatternProblem = 'notText' | 'tooLong' | 'invalid' | 'groups' | 'empty';

export interface PatternCheck {
  readonly patterns: readonly CompiledPattern[];
  /** The patterns refused, with why: the caller reports each once. */
  readonly refused: readonly { readonly source: string; readonly problem: PatternProblem }[];
}

/**
 * Compiles the setting's patterns. Each must be a regular expression with exactly one
 * capture group (the id) that never matches empty text; the others are refused, not
 * thrown. An empty or missing list means the defaults.
 */
export function compilePatterns(setting: unknown): PatternCheck {
  const list = Array.isArray(setting) && setting.length > 0 ? (setting as unknown[]) : DEFAULT_PATTERNS;
  const patterns: CompiledPattern[] = [];
  const refused: { source: string; problem: PatternProblem }[] = [];
  for (const item of list) {
    if (typeof item !== 'string') {
      refused.push({ source: String(item), problem: 'notText' });
      continue;
    }
    if (item.length > MAX_PATTERN_LENGTH) {
      refused.push({ source: `${item.slice(0, 40)}…`, problem: 'tooLong' });
      continue;
    }
    let regex: RegExp;
    try {
      regex = new RegExp(item, 'g');
    } catch {
      refused.push({ source: item, problem: 'invalid' });
      continue;
    }
    // An alternative that matches nothing: exec('') then reports every capture group.
    const groups = new RegExp(`${item}|`).exec('')!.length - 1;
    if (groups !== 1) {
      refused.push({ source: item, problem: 'groups' });
      continue;
    }
    if (regex.test('')) {
      refused.push({ source: item, problem: 'empty' });
      continue;
    }
    regex.lastIndex = 0;
    patterns.push({ source: item, regex });
  }
  return { patterns, refused };
}

export interface MessageIdMatch {
  /** Offsets of the id itself (the capture group) in the text scanned. */
  readonly start: number;
  readonly end: number;
  readonly id: string;
  /** From the key's spelling: `message_id` is SMS Partner's, `messageId` Mail Partner's; else unknown. */
  readonly service?: ServiceId;
}

/** The service a key's spelling points to, when the matched text names one. */
export function serviceOfKey(matched: string): ServiceId | undefined {
  if (matched.includes('message_id')) {
    return 'sms';
  }
  if (matched.includes('messageId')) {
    return 'mail';
  }
  return undefined;
}

/**
 * The message ids in `text`, in order, at most `limit` of them; where two patterns
 * find the same id, once. Ids must be 1 to 20 digits (what `checkMessageId` accepts).
 */
export function findMessageIds(text: string, patterns: readonly CompiledPattern[], limit: number): MessageIdMatch[] {
  const found = new Map<number, MessageIdMatch>();
  for (const { regex } of patterns) {
    // `d`: the capture's own offsets, whatever precedes it in the match.
    const re = new RegExp(regex.source, 'gd');
    let m: RegExpExecArray | null;
    let perPattern = 0;
    while ((m = re.exec(text)) !== null && perPattern < limit) {
      if (m[0] === '') {
        re.lastIndex++;
        continue;
      }
      const id = m[1];
      if (id !== undefined && /^\d{1,20}$/.test(id)) {
        const start = m.indices?.[1]?.[0] ?? m.index + m[0].lastIndexOf(id);
        if (!found.has(start)) {
          found.set(start, { start, end: start + id.length, id, service: serviceOfKey(m[0]) });
          perPattern++;
        }
      }
    }
  }
  return [...found.values()].sort((a, b) => a.start - b.start).slice(0, limit);
}
