import type { Readable } from 'node:stream';

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
export function decodedBody(status: number, contentEncoding: string | undefined, body: Readable): Readable {
  const kind =
    status === 204 || status === 304 ? undefined : CONTENT_ENCODINGS.get(contentEncoding?.trim().toLowerCase() ?? '');
  if (!kind) {
    return body;
  }
  // Required on the first compressed answer, not when the extension activates.
  /* eslint-disable @typescript-eslint/no-require-imports */
  const zlib = require('node:zlib') as typeof import('node:zlib');
  const stream = require('node:stream') as typeof import('node:stream');
  /* eslint-enable @typescript-eslint/no-require-imports */
  const output = new stream.PassThrough();
  let decoding = false;
  body.once('data', (first: Buffer) => {
    decoding = true;
    body.pause();
    const decoder =
      kind === 'br'
        ? zlib.createBrotliDecompress()
        : kind === 'deflate' && (first[0] & 0x0f) !== 0x08
          ? zlib.createInflateRaw()
          : zlib.createUnzip();
    decoder.write(first);
    // From here on, destroying the output (an answer past the bound) destroys the body too.
    stream.pipeline(body, decoder, output, () => undefined);
  });
  body.once('end', () => {
    if (!decoding) {
      output.end();
    }
  });
  body.on('error', (err) => {
    if (!decoding) {
      output.destroy(err);
    }
  });
  output.once('close', () => {
    if (!decoding) {
      body.destroy();
    }
  });
  return output;
}
