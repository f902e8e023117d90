import type { MalformedDetail } from './partnerError';
import { readJson } from './jsonAnswerReader';
import type { SchemaNode } from './schema';
import { readXml } from './xmlAnswerReader';
import type { ResponseFormat } from './types';
import { parseXmlDocument, XmlSyntaxError, type XmlNode } from './xmlDocument';

/**
 * What every answer of both services carries around its data (`success`, `code`,
 * `message`), read the same way from JSON and positional XML so that the client
 * decides once what an answer means, whatever the format.
 */
export interface Envelope {
  readonly success: boolean | undefined;
  readonly code: number;
  readonly message: string | undefined;
  read<T>(schema: SchemaNode<T>): T;
}

/**
 * The envelope of a non-empty, non-HTML body, or why it has none. `onXmlSyntax` hears
 * the parser's reason, which the client logs (the user only sees "not XML").
 */
export function readEnvelope(
  body: string,
  format: ResponseFormat,
  onXmlSyntax: (reason: string) => void,
): Envelope | MalformedDetail {
  return format === 'xml' ? xmlEnvelope(body, onXmlSyntax) : jsonEnvelope(body);
}

function jsonEnvelope(body: string): Envelope | MalformedDetail {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return { kind: 'notJson' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { kind: 'notJsonObject' };
  }
  const v = value as Record<string, unknown>;
  return {
    success:
      typeof v.success === 'boolean'
        ? v.success
        : v.success === 'true'
          ? true
          : v.success === 'false'
            ? false
            : undefined,
    code: typeof v.code === 'number' ? v.code : Number(v.code ?? NaN),
    message: typeof v.message === 'string' ? v.message : jsonErrorList(v.errors ?? v.error),
    read: (schema) => readJson(value, schema),
  };
}

function xmlEnvelope(body: string, onXmlSyntax: (reason: string) => void): Envelope | MalformedDetail {
  let root: XmlNode;
  try {
    root = parseXmlDocument(body);
  } catch (err) {
    if (!(err instanceof XmlSyntaxError)) {
      throw err;
    }
    onXmlSyntax(err.message);
    return { kind: 'notXml', line: err.line };
  }
  const [success, code, message] = root.children;
  return {
    success: success?.text === 'true' ? true : success?.text === 'false' ? false : undefined,
    code: Number(code?.text ?? NaN),
    message: message?.text ?? xmlErrorList(message),
    read: (schema) => readXml(root, schema),
  };
}

/**
 * A send's refusal (code 9) lists what was wrong instead of one message:
 * `errors: [{elementId, message}]` (`error` on one page). Its messages, joined.
 */
function jsonErrorList(value: unknown): string | undefined {
  if (!Array.isArray(value)) {
    return undefined;
  }
  const texts = value
    .map((e) => (typeof e === 'object' && e !== null ? (e as { message?: unknown }).message : undefined))
    .filter((m): m is string => typeof m === 'string' && m.trim() !== '');
  return texts.length > 0 ? texts.join('; ') : undefined;
}

/** The same list in positional XML: entries of `[elementId, message]`. */
function xmlErrorList(node: XmlNode | undefined): string | undefined {
  const texts = (node?.children ?? [])
    .map((e) => e.children[1]?.text ?? e.children[0]?.text)
    .filter((m): m is string => typeof m === 'string' && m.trim() !== '');
  return texts.length > 0 ? texts.join('; ') : undefined;
}
