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
   * Reads keep their connection for the next read (Node's global agents); actions get one of
   * their own and ask the server to close it, so that none is ever written to a connection the
   * server may be closing: its outcome would be unknown.
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
  readonly stream: typeof import('node:stream');
}
let modules: NodeModules | undefined;
/**
 * Node's HTTP modules, required on the first request, not when the extension activates.
 * `require`, never `import()`: VS Code puts its proxy and certificate support into the
 * CommonJS modules' `request`, and an ES module namespace made before that hands out the
 * function it replaced (then a `http:` API address would bypass the user's proxy).
 */
function nodeModules(): NodeModules {
  /* eslint-disable @typescript-eslint/no-require-imports */
  return (modules ??= {
    http: require('node:http') as typeof import('node:http'),
    https: require('node:https') as typeof import('node:https'),
    zlib: require('node:zlib') as typeof import('node:zlib'),
    stream: require('node:stream') as typeof import('node:stream'),
  });
  /* eslint-enable @typescript-eslint/no-require-imports */
}

/**
 * Sends one request with Node's own `http`/`https` (which VS Code wraps for its proxy and
 * certificate settings, as it does for every extension) and resolves with the answer's head
 * once it arrives; the body is left to the caller to read, bounded. Rejects with Node's error
 * (its `code` says what failed: ECONNREFUSED, CERT_HAS_EXPIRED…) or the signal's reason.
 */
export async function exchange(url: URL, init: HttpExchangeInit): Promise<HttpAnswer> {
  const node = nodeModules();
  const client = url.protocol === 'https:' ? node.https : node.http;
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
    const request = client.request(url, {
      method: init.method,
      headers,
      // An action gets a connection of its own: `Connection: close` alone would not keep the
      // global agent from handing it an idle one the server may be closing. Its options carry
      // whatever certificate authorities were given to the global agent.
      agent: init.keepConnection ? undefined : new client.Agent({ ...globalOptions(client), keepAlive: false }),
    });
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
        body: decoded(answer, node),
      });
    });
    request.end(init.body);
  });
}

/** What the module's global agent was given (https: certificate authorities, say). */
function globalOptions(client: NodeModules['http'] | NodeModules['https']): Http.AgentOptions {
  return (client.globalAgent as { options?: Http.AgentOptions }).options ?? {};
}

/** The Content-Encodings we decode, by name (`identity` and unknown ones are read as they come). */
const CONTENT_ENCODINGS: ReadonlyMap<string, 'gzip' | 'deflate' | 'br'> = new Map([
  ['gzip', 'gzip'],
  ['x-gzip', 'gzip'],
  ['deflate', 'deflate'],
  ['x-deflate', 'deflate'],
  ['br', 'br'],
]);

/**
 * The body without its Content-Encoding (gzip, deflate, br), decompressed as it is read. The
 * decoder is chosen at the first byte: an empty body has nothing to decode, and "deflate" comes
 * with a zlib header or, from some servers, raw. Decoders are strict: a compressed body cut off
 * is an error (a network failure, retried for a read), never a shorter answer.
 */
function decoded(response: Http.IncomingMessage, { zlib, stream }: NodeModules): Readable {
  const status = response.statusCode ?? 0;
  const kind =
    status === 204 || status === 304
      ? undefined
      : CONTENT_ENCODINGS.get(response.headers['content-encoding']?.trim().toLowerCase() ?? '');
  if (!kind) {
    return response;
  }
  const output = new stream.PassThrough();
  let decoding = false;
  response.once('data', (first: Buffer) => {
    decoding = true;
    response.pause();
    const decoder =
      kind === 'br'
        ? zlib.createBrotliDecompress()
        : kind === 'deflate' && (first[0] & 0x0f) !== 0x08
          ? zlib.createInflateRaw()
          : zlib.createUnzip();
    decoder.write(first);
    // From here on, destroying the output (an answer past the bound) destroys the response too.
    stream.pipeline(response, decoder, output, () => undefined);
  });
  response.once('end', () => {
    if (!decoding) {
      output.end();
    }
  });
  response.on('error', (err) => {
    if (!decoding) {
      output.destroy(err);
    }
  });
  output.once('close', () => {
    if (!decoding) {
      response.destroy();
    }
  });
  return output;
}
