/**
 * Test-only network pieces for the TLS and proxy tests, all on 127.0.0.0/8:
 * - a TLS front: an https endpoint that decrypts and pipes every connection to a
 *   plain-http server (the emulator), with the certificate of your choice;
 * - an HTTP CONNECT proxy that logs what it is asked and tunnels every CONNECT to
 *   one fixed local port (whatever host the client names), never anywhere else;
 * - a forward proxy that also takes plain absolute-URI requests, to one fixed local port;
 * - a "direct" listener on 127.0.0.2 that takes nothing: the API address on a network
 *   where only the proxy gets out.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createServer as createHttpServer, request as httpRequest, type IncomingMessage } from 'node:http';
import { connect, createServer as createTcpServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { dirname, join } from 'node:path';
import { createServer as createTlsServer } from 'node:tls';

export type TestCertificate = 'trusted' | 'expired' | 'selfSigned' | 'unknownIssuer' | 'caInChain' | 'ipAddress';

/** The address the proxy tests give the API: loopback, but not what VS Code sends direct as "localhost". */
export const PROXIED_HOST = '127.0.0.2';

/** The folder of test/fixtures/tls, found from wherever the compiled test runs. */
export function tlsFixtureDir(): string {
  for (let dir = __dirname; dir !== dirname(dir); dir = dirname(dir)) {
    const candidate = join(dir, 'test', 'fixtures', 'tls');
    if (existsSync(join(candidate, 'ca.crt'))) {
      return candidate;
    }
  }
  throw new Error('test/fixtures/tls not found');
}

export function testCa(): Buffer {
  return readFileSync(join(tlsFixtureDir(), 'ca.crt'));
}

/** The test roots a host trusts: `testCa()` and the one that issued `ip-server.crt` (127.0.0.2). */
export function testCas(): string[] {
  return [testCa().toString(), readFileSync(join(tlsFixtureDir(), 'ip-ca.crt')).toString()];
}

function material(kind: TestCertificate): { key: Buffer; cert: Buffer } {
  const dir = tlsFixtureDir();
  const read = (name: string) => readFileSync(join(dir, name));
  const key = read('server.key');
  switch (kind) {
    case 'expired':
      return { key, cert: read('expired.crt') };
    case 'selfSigned':
      return { key, cert: read('selfsigned.crt') };
    case 'ipAddress':
      return { key, cert: read('ip-server.crt') };
    case 'caInChain':
      // The issuer sent along: a client that does not trust it sees a self-signed root in the chain.
      return { key, cert: Buffer.concat([read('server.crt'), read('ca.crt')]) };
    default:
      // 'trusted' and 'unknownIssuer' are the same server: the difference is whether the client trusts the CA.
      return { key, cert: read('server.crt') };
  }
}

export interface LocalServer {
  readonly port: number;
  stop(): Promise<void>;
}

async function listen(
  server: Server,
  sockets: Set<Socket>,
  lifetimeMs: number,
  host = '127.0.0.1',
): Promise<LocalServer> {
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => resolve());
  });
  const stop = async () => {
    clearTimeout(timer);
    sockets.forEach((s) => s.destroy());
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  // Stops by itself: a failed test must not leave a listener behind.
  const timer = setTimeout(() => void stop(), lifetimeMs);
  timer.unref();
  return { port: (server.address() as AddressInfo).port, stop };
}

/** https on 127.0.0.1 in front of a plain-http server on 127.0.0.1:`targetPort`. */
export function startTlsFront(
  targetPort: number,
  certificate: TestCertificate = 'trusted',
  lifetimeMs = 10 * 60_000,
): Promise<LocalServer> {
  const sockets = new Set<Socket>();
  const server = createTlsServer(material(certificate), (tls) => {
    const upstream = connect(targetPort, '127.0.0.1');
    tls.pipe(upstream).pipe(tls);
    tls.on('error', () => upstream.destroy());
    upstream.on('error', () => tls.destroy());
  });
  // A handshake the client refuses is the expected outcome of most TLS tests.
  server.on('tlsClientError', () => undefined);
  return listen(server, sockets, lifetimeMs);
}

export interface ConnectProxy extends LocalServer {
  /** `CONNECT host:port` for each tunnel asked, `GET http://…` for each plain request (refused). */
  readonly log: string[];
  /** Where tunnels go from now on. */
  retarget(port: number): void;
}

/** An HTTP proxy on 127.0.0.1 that tunnels every CONNECT to 127.0.0.1:`tunnelPort`, and nothing else. */
export async function startConnectProxy(tunnelPort: number, lifetimeMs = 10 * 60_000): Promise<ConnectProxy> {
  const log: string[] = [];
  let target = tunnelPort;
  const sockets = new Set<Socket>();
  const server = createHttpServer((req, res) => {
    log.push(`${req.method} ${req.url}`);
    res.writeHead(403, { 'Content-Type': 'text/plain' });
    res.end('this test proxy only tunnels');
  });
  tunnelConnects(server, log, sockets, () => target);
  const handle = await listen(server, sockets, lifetimeMs);
  return { ...handle, log, retarget: (port) => (target = port) };
}

export interface ForwardProxy extends LocalServer {
  /** `CONNECT host:port` for each tunnel, `METHOD absolute-URI` for each plain request. */
  readonly log: string[];
}

/**
 * An HTTP proxy on 127.0.0.1 that tunnels every CONNECT to 127.0.0.1:`tunnelPort` and forwards
 * every plain absolute-URI request to 127.0.0.1:`forwardPort` (whatever host either names).
 */
export async function startForwardProxy(
  tunnelPort: number,
  forwardPort: number,
  lifetimeMs = 10 * 60_000,
): Promise<ForwardProxy> {
  const log: string[] = [];
  const sockets = new Set<Socket>();
  const server = createHttpServer((req, res) => {
    log.push(`${req.method} ${req.url}`);
    let target: URL;
    try {
      target = new URL(req.url ?? '');
    } catch {
      res.writeHead(400).end('absolute URI expected');
      return;
    }
    const upstream = httpRequest(
      {
        host: '127.0.0.1',
        port: forwardPort,
        method: req.method,
        path: `${target.pathname}${target.search}`,
        headers: req.headers,
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  tunnelConnects(server, log, sockets, () => tunnelPort);
  const handle = await listen(server, sockets, lifetimeMs);
  return { ...handle, log };
}

export interface DirectListener extends LocalServer {
  /** Connections that came straight here, not through a proxy. */
  readonly connections: number;
}

/** A port on 127.0.0.2 that closes every connection at once: only the proxy reaches the API. */
export async function startDirectListener(lifetimeMs = 10 * 60_000): Promise<DirectListener> {
  let connections = 0;
  const sockets = new Set<Socket>();
  const server = createTcpServer((socket) => {
    connections++;
    socket.destroy();
  });
  const handle = await listen(server, sockets, lifetimeMs, PROXIED_HOST);
  return {
    ...handle,
    get connections() {
      return connections;
    },
  };
}

/** CONNECT requests become tunnels to a port on 127.0.0.1 (recorded in `log`). */
function tunnelConnects(server: Server, log: string[], sockets: Set<Socket>, port: () => number): void {
  server.on('connect', (req: IncomingMessage, client: Socket, head: Buffer) => {
    log.push(`CONNECT ${req.url}`);
    const upstream = connect(port(), '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length) {
        upstream.write(head);
      }
      upstream.pipe(client).pipe(upstream);
    });
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
}
