import type { XmlNode } from './xmlDocument';

/**
 * A tiny schema language for the provider's answers. A schema is written in the
 * order of the JSON keys, which is also the order of the positional XML `<entry>`
 * elements, so one schema reads both formats into the same canonical value.
 */
export interface SchemaNode<T> {
  readonly kind: 'string' | 'number' | 'boolean' | 'decimal' | 'object' | 'list';
  readonly optional: boolean;
  readonly aliases: readonly string[];
  readonly fields?: Readonly<Record<string, SchemaNode<unknown>>>;
  readonly item?: SchemaNode<unknown>;
  /** What a decoded value must look like to belong here (see `shaped`). */
  readonly shape?: Shape;
  /** Phantom: the canonical type this node reads to. */
  readonly __type?: T;
}

export type Infer<N> = N extends SchemaNode<infer T> ? T : never;

type FieldsOf<F extends Record<string, SchemaNode<unknown>>> = { [K in keyof F]: Infer<F[K]> };

function leaf<T>(kind: SchemaNode<T>['kind']): SchemaNode<T> {
  return { kind, optional: false, aliases: [] };
}

export const str = (): SchemaNode<string> => leaf('string');
export const num = (): SchemaNode<number> => leaf('number');
export const bool = (): SchemaNode<boolean> => leaf('boolean');
/** An exact decimal amount, kept as text (`"10225.119"`); numbers are accepted too. */
export const dec = (): SchemaNode<string> => leaf('decimal');

export function obj<F extends Record<string, SchemaNode<unknown>>>(fields: F): SchemaNode<FieldsOf<F>> {
  return { kind: 'object', optional: false, aliases: [], fields };
}

export function list<T>(item: SchemaNode<T>): SchemaNode<T[]> {
  return { kind: 'list', optional: false, aliases: [], item };
}

/** A field that may be missing or null; in positional XML, an entry may be absent for it (see `placeEntries`). */
export function opt<T>(node: SchemaNode<T>): SchemaNode<T | undefined> {
  return { ...node, optional: true } as SchemaNode<T | undefined>;
}

/**
 * A field's expected shape, checked on the decoded value. It is what places positional
 * XML entries (a value only goes where its shape fits); in JSON, where the key says what
 * a value is, an optional field of the wrong shape is dropped and a required one rejected.
 */
export interface Shape {
  /** For the error text; never quotes the value (it could be a misplaced secret). */
  readonly text: string;
  test(value: unknown): boolean;
}

export function shaped<T>(node: SchemaNode<T>, text: string, test: (value: T) => boolean): SchemaNode<T> {
  return { ...node, shape: { text, test: test as (value: unknown) => boolean } };
}

/** Other JSON spellings of a field (`message_id` for `messageId`…). */
export function alias<T>(node: SchemaNode<T>, ...aliases: string[]): SchemaNode<T> {
  return { ...node, aliases: [...node.aliases, ...aliases] };
}

/** An answer that does not match its schema; `path` says where. */
export class SchemaError extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${path || 'answer'}: ${reason}`);
  }
}

const DECIMAL = /^-?\d+(\.\d+)?$/;

function join(path: string, key: string | number): string {
  return typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key;
}

// ---------------------------------------------------------------- JSON

export function readJson<T>(value: unknown, node: SchemaNode<T>, path = ''): T {
  return readJsonValue(value, node, path) as T;
}

function readJsonValue(value: unknown, node: SchemaNode<unknown>, path: string): unknown {
  const read = readJsonUnshaped(value, node, path);
  if (read === undefined || !node.shape || node.shape.test(read)) {
    return read;
  }
  if (node.optional) {
    return undefined;
  }
  throw new SchemaError(path, `not ${node.shape.text}`);
}

function readJsonUnshaped(value: unknown, node: SchemaNode<unknown>, path: string): unknown {
  if (value === null || value === undefined) {
    if (node.optional) {
      return undefined;
    }
    throw new SchemaError(path, 'missing');
  }
  switch (node.kind) {
    case 'string':
      if (typeof value === 'string') {
        return value;
      }
      if (typeof value === 'number' && Number.isFinite(value)) {
        return String(value);
      }
      throw new SchemaError(path, `expected text, got ${describe(value)}`);
    case 'number':
      return toNumber(value, path);
    case 'boolean':
      return toBoolean(value, path);
    case 'decimal':
      return toDecimal(value, path);
    case 'list':
      if (!Array.isArray(value)) {
        throw new SchemaError(path, `expected a list, got ${describe(value)}`);
      }
      return value.map((v, i) => readJsonValue(v, node.item!, join(path, i)));
    case 'object': {
      if (typeof value !== 'object' || Array.isArray(value)) {
        throw new SchemaError(path, `expected an object, got ${describe(value)}`);
      }
      const source = value as Record<string, unknown>;
      const out: Record<string, unknown> = {};
      for (const [key, child] of Object.entries(node.fields!)) {
        let v = source[key];
        for (const a of child.aliases) {
          if (v !== undefined) {
            break;
          }
          v = source[a];
        }
        out[key] = readJsonValue(v, child, join(path, key));
      }
      return out;
    }
  }
}

// ---------------------------------------------------------------- positional XML

export function readXml<T>(element: XmlNode, node: SchemaNode<T>, path = ''): T {
  return readXmlValue(element, node, path) as T;
}

function readXmlValue(element: XmlNode | undefined, node: SchemaNode<unknown>, path: string): unknown {
  const read = readXmlUnshaped(element, node, path);
  if (read !== undefined && node.shape && !node.shape.test(read)) {
    throw new SchemaError(path, `not ${node.shape.text}`);
  }
  return read;
}

function readXmlUnshaped(element: XmlNode | undefined, node: SchemaNode<unknown>, path: string): unknown {
  if (element === undefined || element.nil) {
    if (node.optional) {
      return undefined;
    }
    throw new SchemaError(path, 'missing');
  }
  if (node.kind === 'object') {
    return readXmlObject(element, node, path);
  }
  if (node.kind === 'list') {
    if (element.text) {
      throw new SchemaError(path, 'expected a list, got text');
    }
    return element.children.map((c, i) => readXmlValue(c, node.item!, join(path, i)));
  }
  if (element.text === undefined) {
    throw new SchemaError(path, 'expected a value, got a list');
  }
  const text = element.text;
  switch (node.kind) {
    case 'string':
      return text;
    case 'number':
      return toNumber(text, path);
    case 'boolean':
      return toBoolean(text, path);
    case 'decimal':
      return toDecimal(text, path);
  }
}

function readXmlObject(element: XmlNode, node: SchemaNode<unknown>, path: string): Record<string, unknown> {
  const fields = Object.entries(node.fields!);
  const children = element.children;
  // Some objects keep their leaves' names (`<username>`): read those by name.
  if (children.length > 0 && children.every((c) => c.name !== 'entry')) {
    const out: Record<string, unknown> = {};
    for (const [key, child] of fields) {
      const names = [key, ...child.aliases];
      out[key] = readXmlValue(
        children.find((c) => names.includes(c.name)),
        child,
        join(path, key),
      );
    }
    return out;
  }
  return placeEntries(children, fields, path);
}

/**
 * Positional entries onto fields. When entries are missing, any optional fields may be
 * the absent ones: every placement where each entry fits its field (type, shape) is
 * tried, and the answer is read only when all of them read the same value (a null fits
 * any optional field). Otherwise it is rejected: a value is never guessed into a field
 * that is displayed or sent.
 */
function placeEntries(
  children: readonly XmlNode[],
  fields: [string, SchemaNode<unknown>][],
  path: string,
): Record<string, unknown> {
  const attempts = new Map<number, { value: unknown } | SchemaError>();
  const attempt = (field: number, entry: number): { value: unknown } | SchemaError => {
    const id = field * children.length + entry;
    let result = attempts.get(id);
    if (!result) {
      const [key, node] = fields[field];
      try {
        result = { value: readXmlValue(children[entry], node, join(path, key)) };
      } catch (err) {
        if (!(err instanceof SchemaError)) {
          throw err;
        }
        result = err;
      }
      attempts.set(id, result);
    }
    return result;
  };
  const readings: Record<string, unknown>[] = [];
  let firstError: SchemaError | undefined;
  const current: Record<string, unknown> = {};
  const place = (field: number, entry: number): void => {
    if (field === fields.length) {
      if (entry === children.length) {
        readings.push({ ...current });
      }
      return;
    }
    const [key, node] = fields[field];
    if (entry < children.length) {
      const result = attempt(field, entry);
      if (result instanceof SchemaError) {
        firstError ??= result;
      } else {
        current[key] = result.value;
        place(field + 1, entry + 1);
      }
    }
    // Absent, if optional and the fields left can still take the entries left.
    if (node.optional && fields.length - field - 1 >= children.length - entry) {
      current[key] = undefined;
      place(field + 1, entry);
    }
  };
  if (children.length <= fields.length) {
    place(0, 0);
  }
  if (readings.length === 0) {
    // All fields present: the one placement's own error says more (a path, a shape).
    if (children.length === fields.length && firstError) {
      throw firstError;
    }
    throw new SchemaError(path, `${children.length} entries fit no placement on ${fields.length} fields`);
  }
  const [first, ...others] = readings;
  const differing = Object.keys(first).filter((key) => others.some((r) => !sameValue(r[key], first[key])));
  if (differing.length > 0) {
    const reason = `${children.length} entries on ${fields.length} fields: cannot tell ${differing.join('/')} apart`;
    throw new SchemaError(path, reason);
  }
  return first;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) {
    return true;
  }
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) {
    return false;
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const kx = Object.keys(x).filter((k) => x[k] !== undefined);
  const ky = Object.keys(y).filter((k) => y[k] !== undefined);
  return kx.length === ky.length && kx.every((k) => sameValue(x[k], y[k]));
}

// ---------------------------------------------------------------- leaves

function toNumber(value: unknown, path: string): number {
  if (typeof value === 'number' && Number.isFinite(value)) {
    return value;
  }
  if (typeof value === 'string' && value.trim() !== '') {
    const n = Number(value);
    if (Number.isFinite(n)) {
      return n;
    }
  }
  throw new SchemaError(path, `expected a number, got ${describe(value)}`);
}

function toBoolean(value: unknown, path: string): boolean {
  if (typeof value === 'boolean') {
    return value;
  }
  if (value === 'true' || value === '1' || value === 1) {
    return true;
  }
  if (value === 'false' || value === '0' || value === 0 || value === '') {
    return false;
  }
  throw new SchemaError(path, `expected true or false, got ${describe(value)}`);
}

function toDecimal(value: unknown, path: string): string {
  if (typeof value === 'number' && Number.isFinite(value)) {
    return String(value);
  }
  if (typeof value === 'string' && DECIMAL.test(value.trim())) {
    return value.trim();
  }
  throw new SchemaError(path, `expected a decimal amount, got ${describe(value)}`);
}

function describe(value: unknown): string {
  // Never the text itself: a misplaced entry may be a sub-account's key.
  if (typeof value === 'string') {
    return `text of ${value.length} characters`;
  }
  if (Array.isArray(value)) {
    return 'a list';
  }
  return typeof value === 'object' ? 'an object' : String(value);
}
