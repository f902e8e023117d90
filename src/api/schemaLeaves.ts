import { SchemaError } from './schema';

// The scalar readings both formats share (numbers, booleans, exact decimals) and the
// paths and value descriptions their errors use.

export const DECIMAL = /^-?\d+(\.\d+)?$/;

export function join(path: string, key: string | number): string {
  return typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key;
}

export function toNumber(value: unknown, path: string): number {
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

export function toBoolean(value: unknown, path: string): boolean {
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

export function toDecimal(value: unknown, path: string): string {
  if (typeof value === 'number' && Number.isFinite(value)) {
    return String(value);
  }
  if (typeof value === 'string' && DECIMAL.test(value.trim())) {
    return value.trim();
  }
  throw new SchemaError(path, `expected a decimal amount, got ${describe(value)}`);
}

export function describe(value: unknown): string {
  // Never the text itself: a misplaced entry may be a sub-account's key.
  if (typeof value === 'string') {
    return `text of ${value.length} characters`;
  }
  if (Array.isArray(value)) {
    return 'a list';
  }
  return typeof value === 'object' ? 'an object' : String(value);
}
