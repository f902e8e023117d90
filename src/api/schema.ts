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
