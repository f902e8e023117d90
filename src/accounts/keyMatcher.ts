import { createHash } from 'node:crypto';
import type { ServiceId } from '../api';

/** Whose key a finding is: what the diagnostic names (never the key). */
export interface KeyOwner {
  readonly service: ServiceId;
  readonly name: string;
  /** The stored account's id (its Replace API Key…); none for a key seen in passing or from the environment. */
  readonly accountId?: string;
}

export interface KeyFinding {
  readonly offset: number;
  readonly length: number;
  readonly owner: KeyOwner;
}

/** Shorter keys would match ordinary words; the provider's keys are far longer. */
export const MIN_KEY_LENGTH = 8;
const BASE = 0x01000193;

const sha256 = (text: string) => createHash('sha256').update(text).digest('base64');

interface Known {
  readonly hash: string;
  readonly owner: KeyOwner;
}

interface SameLength {
  /** BASE^(length-1) mod 2^32: what the character leaving the window weighed. */
  readonly drop: number;
  /** Low 16 bits of the keys' fingerprints: most windows stop at this table. */
  readonly filter: Uint8Array;
  readonly byFingerprint: Map<number, Known[]>;
}

/** A polynomial fingerprint mod 2^32 of `text` from `start`, `length` UTF-16 units. */
function fingerprint(text: string, start: number, length: number): number {
  let h = 0;
  for (let i = start; i < start + length; i++) {
    h = (Math.imul(h, BASE) + text.charCodeAt(i)) | 0;
  }
  return h;
}

/**
 * Finds known keys in text without holding them: for each key only its SHA-256 and a
 * 32-bit rolling fingerprint (Rabin–Karp). One pass per distinct key length slides the
 * fingerprint over the text; a window whose fingerprint is a key's is hashed and compared.
 * The key is found wherever it is (in a string, a URL, after `=`), whatever surrounds it.
 */
export class KeyMatcher {
  private readonly lengths = new Map<number, SameLength>();

  constructor(keys: Iterable<{ readonly key: string; readonly owner: KeyOwner }>) {
    for (const { key, owner } of keys) {
      const value = key.trim();
      if (value.length < MIN_KEY_LENGTH) {
        continue;
      }
      let group = this.lengths.get(value.length);
      if (!group) {
        let drop = 1;
        for (let i = 1; i < value.length; i++) {
          drop = Math.imul(drop, BASE);
        }
        group = { drop, filter: new Uint8Array(0x10000), byFingerprint: new Map() };
        this.lengths.set(value.length, group);
      }
      const f = fingerprint(value, 0, value.length);
      const hash = sha256(value);
      const same = group.byFingerprint.get(f) ?? [];
      if (!same.some((k) => k.hash === hash)) {
        same.push({ hash, owner });
      }
      group.byFingerprint.set(f, same);
      group.filter[f & 0xffff] = 1;
    }
  }

  /** What the matcher knows, without any key: equal when the keys and their owners are. */
  signature(): string {
    return [...this.lengths.values()]
      .flatMap((g) => [...g.byFingerprint.values()].flat())
      .map((k) => `${k.hash} ${k.owner.service} ${k.owner.accountId ?? ''} ${k.owner.name}`)
      .sort()
      .join('\n');
  }

  get isEmpty(): boolean {
    return this.lengths.size === 0;
  }

  /** Every place a known key is written, in text order. */
  find(text: string): KeyFinding[] {
    const found: KeyFinding[] = [];
    for (const [length, group] of this.lengths) {
      for (const start of windows(text, length, group.drop, group.filter)) {
        const candidates = group.byFingerprint.get(fingerprint(text, start, length));
        const hash = candidates && sha256(text.slice(start, start + length));
        const known = candidates?.find((k) => k.hash === hash);
        if (known) {
          found.push({ offset: start, length, owner: known.owner });
        }
      }
    }
    return found.sort((a, b) => a.offset - b.offset);
  }
}

/** Where a window of `length` has a fingerprint whose low bits are in `filter`: the hot loop, kept apart and monomorphic. */
function windows(text: string, length: number, drop: number, filter: Uint8Array): number[] {
  const hits: number[] = [];
  const n = text.length;
  if (n < length) {
    return hits;
  }
  let h = fingerprint(text, 0, length);
  for (let start = 0, next = length; ; start++, next++) {
    if (filter[h & 0xffff] === 1) {
      hits.push(start);
    }
    if (next >= n) {
      return hits;
    }
    h = (Math.imul((h - Math.imul(text.charCodeAt(start), drop)) | 0, BASE) + text.charCodeAt(next)) | 0;
  }
}
