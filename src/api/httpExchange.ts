import type * as Http from 'node:http';
import type { Readable } from 'node:stream';

/** One HTTP request as the transport sends it: nothing followed, nothing retried here. */
export interface HttpExchangeInit {
  readonly method: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
  /** Aborts the request, or the reading of its body once it has answered. */
  readonly signal: AbortSignal;
  /**
   * Reads keep their connection for the next read (Node's global agents); actions ask the
   * server to close theirs, so that none is ever written to a connection the server is
   * closing: its outcome would be unknown.
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

interface NodeModules {
  readonly http: typeof import('node:http');
  readonly https: typeof import('node:https');
  readonly zlib: typeof import('node:zlib');
  readonly pipeline: (typeof import('node:stream'))['pipeline'];
}
// Node's HTTP modules are evaluated on the first request, not when the extension activates.
let modules: Promise<NodeModules> | undefined;
const loadModules = (): Promise<NodeModules> =>
  (modules ??= Promise.all([
    import('node:http'),
    import('node:https'),
    import('node:zlib'),
    import('node:stream'),
  ]).then(([http, https, zlib, stream]) => ({ http, https, zlib, pipeline: stream.pipeline })));

/**
 * Sends one request with Node's own `http`/`https` (which VS Code wraps for its proxy and
 * certificate settings, as it does for every extension) and resolves with the answer's head
 * once it arrives; the body is left to the caller to read, bounded. Rejects with Node's error
 * (its `code` says what failed: ECONNREFUSED, CERT_HAS_EXPIRED…) or the signal's reason.
 */
export async function exchange(url: URL, init: HttpExchangeInit): Promise<HttpAnswer> {
  const { http, https, zlib, pipeline } = await loadModules();
  const client = url.protocol === 'https:' ? https : http;
  const headers: Record<string, string> = { 'Accept-Encoding': 'gzip, deflate, br', ...init.headers };
  if (init.body !== undefined) {
    headers['Content-Length'] = String(Buffer.byteLength(init.body));
  }
  if (!init.keepConnection) {
    headers.Connection = 'close';
  }
  const { signal } = init;
  signal.throwIfAborted();
  return new Promise<HttpAnswer>((resolve, reject) => {
    // The abort is wired here, not with Node's `signal` option: in VS Code's extension host a
    // request aborted that way never settled (the host test of a server that never answers).
    const request = client.request(url, { method: init.method, headers });
    let response: Http.IncomingMessage | undefined;
    // Settled at once, as node-fetch did: a request still waiting for its socket (VS Code's
    // proxy agent hands sockets out asynchronously) reports its destruction only when one comes.
    const abort = () => {
      const reason = signal.reason instanceof Error ? signal.reason : new Error('aborted');
      reject(reason);
      response?.destroy(reason);
      request.destroy(reason);
    };
    signal.addEventListener('abort', abort, { once: true });
    const settled = () => signal.removeEventListener('abort', abort);
    // After the answer's head this is a no-op: later errors (the connection dropped, the
    // timeout's abort) come out of the body.
    request.on('error', (err) => {
      settled();
      reject(err);
    });
    request.once('response', (answer: Http.IncomingMessage) => {
      response = answer;
      answer.once('close', settled);
      resolve({
        status: answer.statusCode ?? 0,
        header: (name) => {
          const value = answer.headers[name];
          return Array.isArray(value) ? value[0] : value;
        },
        body: decoded(answer, zlib, pipeline),
      });
    });
    request.end(init.body);
  });
}

/** The body without its Content-Encoding (gzip, deflate, br): decompressed as it is read. */
function decoded(
  response: Http.IncomingMessage,
  zlib: NodeModules['zlib'],
  pipeline: NodeModules['pipeline'],
): Readable {
  const encoding = response.headers['content-encoding']?.trim().toLowerCase();
  const status = response.statusCode ?? 0;
  // Servers answer truncated compressed bodies now and then: read what arrived, as browsers do.
  const lenient = { flush: zlib.constants.Z_SYNC_FLUSH, finishFlush: zlib.constants.Z_SYNC_FLUSH };
  const decoder =
    status === 204 || status === 304
      ? undefined
      : encoding === 'gzip' || encoding === 'x-gzip' || encoding === 'deflate' || encoding === 'x-deflate'
        ? zlib.createUnzip(lenient)
        : encoding === 'br'
          ? zlib.createBrotliDecompress({
              flush: zlib.constants.BROTLI_OPERATION_FLUSH,
              finishFlush: zlib.constants.BROTLI_OPERATION_FLUSH,
            })
          : undefined;
  if (!decoder) {
    return response;
  }
  // Destroying the decoder (an answer past the bound) destroys the response and its connection.
  return pipeline(response, decoder, () => undefined);
}
