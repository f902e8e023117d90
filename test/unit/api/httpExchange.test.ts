import * as assert from 'node:assert/strict';
import * as http from 'node:http';
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { PartnerError } from '../../../src/api';
import { Transport } from '../../../src/api/transport';

const ME = JSON.stringify({
  success: true,
  code: 200,
  user: { username: 'agence@exemple.fr' },
  credits: { credits: 12 },
});

/** What a request looked like when it reached the server. */
interface Seen {
  readonly method: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
  /** The client's end of the connection: the same port twice means the connection was kept. */
  readonly port: number;
}

/** A server on 127.0.0.1 whose answer each test chooses; it records what reaches it. */
function localServer(answer: (res: ServerResponse, seen: Seen) => void): Promise<{
  url: string;
  seen: Seen[];
  stop: () => Promise<void>;
}> {
  const seen: Seen[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const one = {
        method: req.method ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        port: req.socket.remotePort ?? 0,
      };
      seen.push(one);
      answer(res, one);
    });
  });
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  const stop = async () => {
    clearTimeout(timer);
    sockets.forEach((s) => s.destroy());
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  const timer = setTimeout(() => void stop(), 60_000);
  timer.unref();
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () =>
      resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`, seen, stop }),
    );
  });
}

const transportFor = (url: string, timeoutMs = 2000) =>
  new Transport({ service: 'sms', baseUrl: url, apiKey: 'k3y-under-test', timeoutMs, retry: { baseDelayMs: 5 } });

describe('Transport over node-fetch: what goes out and what comes back', () => {
  const encodings: [string, string, (b: Buffer) => Buffer][] = [
    ['gzip', 'gzip', gzipSync],
    ['deflate', 'deflate (zlib)', deflateSync],
    ['deflate', 'deflate (raw, as some servers send it)', deflateRawSync],
    ['br', 'br', brotliCompressSync],
    ['identity', 'identity', (b) => b],
  ];
  for (const [encoding, what, compress] of encodings) {
    it(`reads an answer sent with Content-Encoding: ${what} as the text the server meant`, async () => {
      const server = await localServer((res) => {
        res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Encoding': encoding });
        res.end(compress(Buffer.from(ME)));
      });
      try {
        const answer = await transportFor(server.url).get('me', {});
        assert.deepEqual(answer, { status: 200, body: ME });
        assert.equal(server.seen[0].headers['accept-encoding'], 'gzip, deflate, br');
      } finally {
        await server.stop();
      }
    });
  }

  it('an empty body marked gzip is an empty answer, not a decoding error', async () => {
    const server = await localServer((res) => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' });
      res.end();
    });
    try {
      assert.deepEqual(await transportFor(server.url).get('me', {}), { status: 200, body: '' });
    } finally {
      await server.stop();
    }
  });

  for (const [encoding, compress] of [
    ['gzip', gzipSync],
    ['br', brotliCompressSync],
  ] as const) {
    it(`a ${encoding} body cut off is a network error, tried again, never the part that came`, async () => {
      const long = Buffer.from(JSON.stringify({ rows: Array.from({ length: 2000 }, (_, i) => `row ${i}`) }));
      const whole = compress(long);
      const server = await localServer((res) => {
        res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Encoding': encoding });
        res.end(whole.subarray(0, Math.floor(whole.length / 2)));
      });
      try {
        const err = await transportFor(server.url)
          .get('me', {})
          .catch((e: unknown) => e);
        assert.ok(err instanceof PartnerError && err.kind === 'network', String(err));
        assert.equal(server.seen.length, 3);
      } finally {
        await server.stop();
      }
    });
  }

  it('reads share a connection; an action gets one of its own, asks for it to be closed and carries its body and length', async () => {
    const server = await localServer((res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(ME);
    });
    try {
      const transport = transportFor(server.url);
      await transport.get('me', {});
      await transport.get('me', {});
      await transport.post('subaccount/credit/add', { token: 'sub1', credit: '5' });
      const [read, again, action] = server.seen;
      assert.equal(read.method, 'GET');
      assert.notEqual(read.headers.connection, 'close');
      assert.equal(again.port, read.port, 'the second read reuses the connection of the first');
      assert.notEqual(action.port, read.port, 'the action is never written to a connection that was open');
      assert.equal(action.method, 'POST');
      assert.equal(action.headers.connection, 'close');
      assert.equal(action.headers['content-type'], 'application/json');
      assert.equal(Number(action.headers['content-length']), Buffer.byteLength(action.body));
      assert.deepEqual(JSON.parse(action.body), { apiKey: 'k3y-under-test', token: 'sub1', credit: '5' });
    } finally {
      await server.stop();
    }
  });

  it('no request carries an agent of its own, so VS Code\'s proxy support (mode "on") takes reads and actions alike', async () => {
    const server = await localServer((res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(ME);
    });
    // Wrapped the way VS Code wraps the module's request for its proxy support: what it is given is recorded.
    // The module object itself (as VS Code patches it), not an import's read-only namespace.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const node = require('http') as typeof http;
    const original = node.request;
    const agents: unknown[] = [];
    node.request = ((...args: Parameters<typeof http.request>) => {
      const options = args.find((a) => typeof a === 'object' && !(a instanceof URL)) as http.RequestOptions | undefined;
      agents.push(options?.agent);
      return original(...args);
    }) as typeof http.request;
    try {
      const transport = transportFor(server.url);
      await transport.get('me', {});
      await transport.post('subaccount/credit/add', { token: 'sub1', credit: '5' });
      await transport.getOnce('stop/add', { phoneNumber: '+33600000000' });
      await transport.post('subaccount/remove', { token: 'sub1' }, undefined, 'DELETE');
      assert.deepEqual(agents, [undefined, undefined, undefined, undefined]);
      assert.deepEqual(
        server.seen.map((s) => [s.method, s.headers.connection]),
        [
          ['GET', 'keep-alive'],
          ['POST', 'close'],
          ['GET', 'close'],
          ['DELETE', 'close'],
        ],
      );
    } finally {
      node.request = original;
      await server.stop();
    }
  });

  it('an answer cut off mid-body is a network error, never a shorter answer taken as whole', async () => {
    const server = await localServer((res) => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': String(ME.length) });
      res.write(ME.slice(0, 20));
      setTimeout(() => res.socket?.destroy(), 20);
    });
    try {
      const err = await transportFor(server.url)
        .get('me', {})
        .then(
          () => undefined,
          (e: unknown) => e,
        );
      assert.ok(err instanceof PartnerError, String(err));
      assert.equal(err.kind, 'network');
      assert.equal(server.seen.length, 3, 'a read is tried again twice after a network error');
    } finally {
      await server.stop();
    }
  });

  it("the caller's cancel ends a request the server never answers at once, and the timeout one that hangs", async () => {
    const server = await localServer(() => undefined);
    try {
      const controller = new AbortController();
      const started = Date.now();
      const cancelled = transportFor(server.url, 5000)
        .get('me', {}, controller.signal)
        .catch((e: unknown) => e);
      setTimeout(() => controller.abort(), 100);
      const err = await cancelled;
      assert.ok(err instanceof PartnerError && err.kind === 'cancelled', String(err));
      assert.ok(Date.now() - started < 1000, `${Date.now() - started} ms`);

      const timedOut = await transportFor(server.url, 300)
        .post('subaccount/credit/add', { token: 'sub1', credit: '5' })
        .catch((e: unknown) => e);
      assert.ok(timedOut instanceof PartnerError && timedOut.kind === 'timeout', String(timedOut));
    } finally {
      await server.stop();
    }
  });
});
