import { SchemaError, type SchemaNode } from './schema';
import { join, toBoolean, toDecimal, toNumber } from './schemaLeaves';
import type { XmlNode } from './xmlDocument';

// Reads a positional XML answer by its schema: entries carry no names, so each value goes
// where its shape fits, in the schema's order (see placeEntries).

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
