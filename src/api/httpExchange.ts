import type * as Http from 'node:http';
import type { Readable } from 'node:stream';
import { decodedBody } from './contentEncoding';

/** One HTTP request as the transport sends it: nothing followed, nothing retried here. */
export interface HttpExchangeInit {
  readonly method: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
  /** Aborts the request, or the reading of its body once it has answered. */
  readonly signal: AbortSignal;
  /**
   * Reads keep their connection for the next read; actions ask the server to close theirs and
   * never ride one left open (see `closeIdleConnections`): written to a connection the server
   * may be closing, an action's outcome would be unknown.
   */
  readonly keepConnection: boolean;
}

export interface HttpAnswer {
  readonly status: number;
  /** A header's value (the first, if repeated); names in lower case. */
  header(name: string): string | undefined;
  /** The body, decompressed as it is read; destroying it closes the connection. */
  readonly body: Readable;
}

type Fetch = (typeof import('node-fetch'))['default'];
let fetchModule: Promise<Fetch> | undefined;
/**
 * node-fetch, read on the first request, not when the extension activates: the extension's
 * build puts it in dist/nodeFetch.js, required here (a CommonJS require, as for the XML
 * parser; a dynamic import of that file would hand back its exports object as `default`).
 * The bundle maps its `node:http`/`node:https` to Node's own `http`/`https`
 * (scripts/build.mjs), read at each request: the modules VS Code wraps for its proxy and
 * certificate support.
 */
const loadFetch = (): Promise<Fetch> =>
  (fetchModule ??= Promise.resolve().then(
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    () => (require('node-fetch') as typeof import('node-fetch')).default,
  ));

/** The shared agent of Node's `http`/`https`, by require: the modules VS Code patches. */
function sharedAgent(url: URL): Http.Agent {
  /* eslint-disable @typescript-eslint/no-require-imports */
  return url.protocol === 'https:'
    ? (require('https') as typeof import('node:https')).globalAgent
    : (require('http') as typeof import('node:http')).globalAgent;
  /* eslint-enable @typescript-eslint/no-require-imports */
}

/**
 * Sends one request with node-fetch and resolves with the answer's head once it arrives; the
 * body is left to the caller to read, bounded. Rejects with an error whose `code` says what
 * failed (ECONNREFUSED, CERT_HAS_EXPIRED…) and whose message never holds the URL (it may carry
 * the key), or with the signal's reason.
 *
 * No request has an agent of its own: with `http.proxySupport: "on"`, VS Code's proxy agent
 * takes only requests without one, and an action that went around the proxy would fail on a
 * network that requires it.
 */
export async function exchange(url: URL, init: HttpExchangeInit): Promise<HttpAnswer> {
  const fetch = await loadFetch();
  const { signal } = init;
  signal.throwIfAborted();
  if (!init.keepConnection) {
    closeIdleConnections(url, sharedAgent(url));
  }
  try {
    const res = await fetch(url.toString(), {
      method: init.method,
      headers: {
        'Accept-Encoding': 'gzip, deflate, br',
        ...init.headers,
        // node-fetch closes connections when no agent is given, unless asked otherwise.
        Connection: init.keepConnection ? 'keep-alive' : 'close',
      },
      body: init.body,
      // The transport decides on redirects: nothing is followed here.
      redirect: 'manual',
      // Decoded by us, strictly: node-fetch's decoders take a compressed body cut off as whole.
      compress: false,
      // node-fetch settles at once when this aborts, even for a request still waiting for the
      // socket VS Code's proxy agent hands out asynchronously (it does not pass it to Node).
      signal,
    });
    const raw = res.headers.raw();
    const header = (name: string) => raw[name.toLowerCase()]?.[0];
    const body = res.body as unknown as Readable;
    return { status: res.status, header, body: decodedBody(res.status, header('content-encoding'), body) };
  } catch (err) {
    if (signal.aborted) {
      throw signal.reason instanceof Error ? signal.reason : new Error('aborted');
    }
    throw withoutUrl(err);
  }
}

/**
 * Closes the idle connections Node's shared agent keeps to this origin, so that an action opens
 * a new one. Node's agent names its pools `host:port:…`.
 */
function closeIdleConnections(url: URL, agent: Http.Agent): void {
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  const prefix = `${url.hostname.replace(/^\[(.*)\]$/, '$1')}:${port}:`;
  for (const [name, sockets] of Object.entries(agent.freeSockets)) {
    if (name.startsWith(prefix)) {
      sockets?.forEach((socket) => socket.destroy());
    }
  }
}

/** node-fetch's errors name the URL (and so the key in its query): keep only what failed. */
function withoutUrl(err: unknown): Error {
  const e = err as { code?: unknown; errno?: unknown; cause?: { code?: unknown } } | undefined;
  const code = e?.code ?? e?.cause?.code ?? e?.errno;
  const plain = new Error(typeof code === 'string' ? `request failed (${code})` : 'request failed');
  return Object.assign(plain, typeof code === 'string' ? { code } : {});
}
