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

/** A field that may be missing or null; in positional XML it is dropped first when entries are missing. */
export function opt<T>(node: SchemaNode<T>): SchemaNode<T | undefined> {
  return { ...node, optional: true } as SchemaNode<T | undefined>;
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
      throw new SchemaError(path, `expected a list, got "${element.text.slice(0, 20)}"`);
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
  const out: Record<string, unknown> = {};
  const children = element.children;
  // Some objects keep their leaves' names (`<username>`): read those by name.
  if (children.length > 0 && children.every((c) => c.name !== 'entry')) {
    for (const [key, child] of fields) {
      const names = [key, ...child.aliases];
      out[key] = readXmlValue(children.find((c) => names.includes(c.name)), child, join(path, key));
    }
    return out;
  }
  // Positional: when entries are missing, the last optional fields are the ones absent.
  let missing = fields.length - children.length;
  const present = new Array<boolean>(fields.length).fill(true);
  for (let i = fields.length - 1; i >= 0 && missing > 0; i--) {
    if (fields[i][1].optional) {
      present[i] = false;
      missing--;
    }
  }
  if (missing > 0) {
    throw new SchemaError(path, `expected ${fields.length} entries, got ${children.length}`);
  }
  let position = 0;
  fields.forEach(([key, child], i) => {
    out[key] = present[i] ? readXmlValue(children[position++], child, join(path, key)) : undefined;
  });
  return out;
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
  if (typeof value === 'string') {
    return value.length > 20 ? `"${value.slice(0, 20)}…"` : `"${value}"`;
  }
  if (Array.isArray(value)) {
    return 'a list';
  }
  return typeof value === 'object' ? 'an object' : String(value);
}
