import type { Readable } from 'node:stream';

/**
 * The largest decoded answer we read. Generous: a 5,000-recipient status in XML, the
 * largest answer the provider sends, is about 2 MB; a page of sub-accounts a few KB.
 */
export const MAX_ANSWER_BYTES = 16 * 2 ** 20;

/** The answer went past the bound; the rest of it was not read. */
export class AnswerTooLarge extends Error {
  constructor(readonly limitBytes: number) {
    super(`answer larger than ${limitBytes} bytes`);
    this.name = 'AnswerTooLarge';
  }
}

/**
 * Reads a (decompressed) body as UTF-8 text, counting bytes as they arrive: past
 * `limitBytes` it stops, destroys the stream (which closes the connection and stops
 * any decompression) and throws AnswerTooLarge. A small gzip body inflating to
 * hundreds of MB costs one bound's worth of memory, not the whole.
 */
export async function readBounded(
  body: Readable | NodeJS.ReadableStream | null,
  limitBytes = MAX_ANSWER_BYTES,
): Promise<string> {
  if (!body) {
    return '';
  }
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of body as AsyncIterable<Buffer | string>) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    total += bytes.length;
    if (total > limitBytes) {
      (body as Readable).destroy?.();
      throw new AnswerTooLarge(limitBytes);
    }
    chunks.push(bytes);
  }
  return new TextDecoder().decode(Buffer.concat(chunks, total));
}
