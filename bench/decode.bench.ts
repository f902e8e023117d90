/** Decoding a 5,000-recipient bulk-status answer: positional XML against JSON, same client path. */
import { mailStatusSchema } from '../src/api/answerSchemas';
import { toMessageStatus } from '../src/api/answers';
import { MailClient } from '../src/api/mailClient';
import type { RawAnswer } from '../src/api/transport';
import { createServiceData } from '../test/emulator/emulatorData';
import { toPositionalXml } from '../test/emulator/positionalXml';

class DecodingClient extends MailClient {
  decodeStatus(body: string) {
    const answer: RawAnswer = { status: 200, body };
    return toMessageStatus('mail', this.decode(answer, mailStatusSchema));
  }
}

export function benchDecode(
  rows = 5000,
  runs = 41,
): { rows: number; jsonMs: number; xmlMs: number; ratio: number; jsonKB: number; xmlKB: number } {
  const data = createServiceData('mail', { mailSubaccounts: 0 });
  const recipients = [...data.messages.get('5000')!].slice(0, rows);
  const answer = {
    success: true,
    code: 200,
    messageId: '5000',
    StatutResponseList: recipients.map((r) => ({
      email: r.recipient,
      token: r.token,
      status: r.status,
      cost: r.cost,
      stopMail: r.stop,
      date: r.date,
    })),
  };
  const json = JSON.stringify(answer);
  const xml = toPositionalXml(answer);
  const jsonClient = new DecodingClient({ baseUrl: 'https://api.mailpartner.fr/v1', apiKey: 'k', format: 'json' });
  const xmlClient = new DecodingClient({ baseUrl: 'https://api.mailpartner.fr/v1', apiKey: 'k', format: 'xml' });
  // Same result either way, or the comparison means nothing.
  if (JSON.stringify(jsonClient.decodeStatus(json)) !== JSON.stringify(xmlClient.decodeStatus(xml))) {
    throw new Error('XML and JSON decode differently');
  }
  // Warm up, then alternate the two so both see the same machine load.
  for (let i = 0; i < 5; i++) {
    jsonClient.decodeStatus(json);
    xmlClient.decodeStatus(xml);
  }
  const jsonRuns: number[] = [];
  const xmlRuns: number[] = [];
  for (let i = 0; i < runs; i++) {
    let t = performance.now();
    jsonClient.decodeStatus(json);
    jsonRuns.push(performance.now() - t);
    t = performance.now();
    xmlClient.decodeStatus(xml);
    xmlRuns.push(performance.now() - t);
  }
  const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const jsonMs = median(jsonRuns);
  const xmlMs = median(xmlRuns);
  return { rows, jsonMs, xmlMs, ratio: xmlMs / jsonMs, jsonKB: json.length / 1024, xmlKB: xml.length / 1024 };
}

if (require.main === module) {
  console.log(JSON.stringify(benchDecode()));
}
