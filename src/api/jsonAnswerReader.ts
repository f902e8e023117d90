import { SchemaError, type SchemaNode } from './schema';
import { describe, join, toBoolean, toDecimal, toNumber } from './schemaLeaves';

// Reads a JSON answer by its schema: keys (or their aliases) say what each value is.

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
