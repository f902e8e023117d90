import type { ApiRequest } from '../apiRequest';
import { SERVICES } from '../serviceInfo';
import type { ResponseFormat, ServiceId } from '../types';

/** What a snippet is made from: the request as the client sends it, where, and in which format. */
export interface SnippetInput {
  readonly service: ServiceId;
  /** The API URL the extension is configured with (`https://api.smspartner.fr/v1`). */
  readonly baseUrl: string;
  readonly format: ResponseFormat;
  readonly request: ApiRequest;
  /** The request is read with a sub-account's own key (the same variable, another key). */
  readonly subaccountKey?: boolean;
}

/** Where the key goes in a snippet: always read from this variable, never written. */
export interface EnvKey {
  readonly env: string;
}

/** A literal a snippet writes: JSON-like, with the key as an environment read. */
export type Value = string | number | boolean | EnvKey | readonly Value[] | { readonly [key: string]: Value };

/** The request as every template needs it, laid out as the transport sends it. */
export interface Resolved {
  readonly method: ApiRequest['method'];
  /** Without the query. */
  readonly url: string;
  /** `_format` first, then the request's parameters, then (GET) the key, as the transport orders them. */
  readonly query: readonly (readonly [string, string | EnvKey])[];
  /** The JSON body, key first (POST, DELETE). */
  readonly body?: { readonly [key: string]: Value };
  readonly accept: string;
  readonly env: string;
  /** One line, without the comment mark. */
  readonly comment: string;
}

export function isEnvKey(value: unknown): value is EnvKey {
  return typeof value === 'object' && value !== null && 'env' in value;
}

export function resolve(input: SnippetInput): Resolved {
  const service = SERVICES[input.service];
  const key: EnvKey = { env: service.keyEnvVar };
  const base = new URL(input.baseUrl.endsWith('/') ? input.baseUrl : `${input.baseUrl}/`);
  const url = new URL(input.request.path.replace(/^\//, ''), base);
  const get = input.request.method === 'GET';
  const whose = input.subaccountKey
    ? `the sub-account's own ${service.label} API key`
    : `your ${service.label} API key`;
  return {
    method: input.request.method,
    url: `${url.origin}${url.pathname}`,
    query: [
      ['_format', input.format],
      ...Object.entries(input.request.query),
      ...(get ? [['apiKey', key] as const] : []),
    ],
    body: get ? undefined : ({ apiKey: key, ...input.request.body } as { [key: string]: Value }),
    accept: input.format === 'xml' ? 'application/xml' : 'application/json',
    env: service.keyEnvVar,
    comment: `${service.keyEnvVar} holds ${whose}: get one from your dashboard, ${service.dashboardUrl}`,
  };
}

/** How one language writes a literal. */
export interface LiteralSyntax {
  readonly string: (text: string) => string;
  readonly env: (name: string) => string;
  readonly key: (name: string) => string;
  /** Around an object's entries, and between a key and its value. */
  readonly object: readonly [open: string, close: string, between: string];
  readonly array: readonly [open: string, close: string];
  readonly indent: string;
  /** JSON has none after the last entry. */
  readonly lastComma: boolean;
}

/** A value as `syntax` writes it, one entry a line, at `depth` levels of indentation. */
export function literal(value: Value, syntax: LiteralSyntax, depth = 0): string {
  if (typeof value === 'string') {
    return syntax.string(value);
  }
  if (typeof value === 'number' || typeof value === 'boolean') {
    return String(value);
  }
  if (isEnvKey(value)) {
    return syntax.env(value.env);
  }
  const pad = syntax.indent.repeat(depth + 1);
  const lines = (items: string[], [open, close]: readonly string[]) =>
    `${open}\n${pad}${items.join(`,\n${pad}`)}${syntax.lastComma ? ',' : ''}\n${syntax.indent.repeat(depth)}${close}`;
  if (Array.isArray(value)) {
    return lines(
      value.map((v: Value) => literal(v, syntax, depth + 1)),
      syntax.array,
    );
  }
  const [open, close, between] = syntax.object;
  const entries = Object.entries(value as { [key: string]: Value });
  return lines(
    entries.map(([k, v]) => `${syntax.key(k)}${between}${literal(v, syntax, depth + 1)}`),
    [open, close],
  );
}
