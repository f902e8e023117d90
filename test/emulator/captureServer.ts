import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface CapturedRequest {
  readonly method: string;
  readonly url: string;
  readonly body: string;
}

export interface CaptureServer {
  readonly url: string;
  /** Every request that reached this server, key and all: tests assert it stays empty. */
  readonly seen: CapturedRequest[];
  stop(): Promise<void>;
}

/**
 * A second local server on 127.0.0.1 standing for "somewhere else": the target of a
 * hostile redirect. It records whatever reaches it and answers a plausible success.
 */
export async function startCaptureServer(lifetimeMs = 10 * 60_000): Promise<CaptureServer> {
  const seen: CapturedRequest[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end('{"success":true,"code":200}');
    });
  });
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const stop = async () => {
    clearTimeout(timer);
    sockets.forEach((s) => s.destroy());
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  const timer = setTimeout(() => void stop(), lifetimeMs);
  timer.unref();
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen, stop };
}
