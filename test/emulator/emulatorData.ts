/** Deterministic sample data the emulator serves: accounts, sub-accounts and messages. */

import { seedScheduledMessages } from './routes/messages';

export type EmulatedService = 'sms' | 'mail';

export interface SubaccountRecord {
  id: number;
  email: string;
  type: 'simple' | 'advanced';
  token: string;
  apiKey: string;
  createdAt: string;
  /** Balance in thousandths of a euro: exact arithmetic for transfers. */
  milli: number;
}

export interface RecipientRecord {
  recipient: string;
  token: string;
  status: string;
  cost: number;
  stop: boolean;
  date: string;
}

export interface ServiceData {
  apiKey: string;
  username: string;
  firstname?: string;
  lastname?: string;
  /** Main account balance, thousandths of a euro. */
  milli: number;
  counts: Record<string, number>;
  subaccounts: SubaccountRecord[];
  messages: Map<string, RecipientRecord[]>;
  /** Messages sent by sub-accounts: readable with a sub-account's key only. */
  subaccountMessages: Map<string, RecipientRecord[]>;
  /** What happens to a message's recipients each time its status is read (sends whose reports trickle in). */
  statusMovers: Map<string, (rows: RecipientRecord[]) => void>;
}

export interface DataOptions {
  smsKey?: string;
  mailKey?: string;
  smsSubaccounts?: number;
  mailSubaccounts?: number;
  /**
   * Each service its own figures (`npm run demo`, F5). Without it both answer with the
   * figures of the provider's documented `/me` samples, which are the same for SMS and
   * Mail (269,082 credits, €10,225.119) and which the tests compare with.
   */
  demoFigures?: boolean;
}

export const DEFAULT_KEYS = {
  sms: 'sms-demo-key-6f1c2a9e4b7d',
  mail: 'mail-demo-key-3e8b5d0c1a2f',
} as const;

/** Ids of the sample messages, per service. */
export const SAMPLE_MESSAGES = {
  /** The docs' own two-recipient example. */
  docs: { sms: '111', mail: '300' },
  /** A realistic campaign: delivered, failed, waiting and operator codes. */
  campaign: '4242',
  /** Every recipient still waiting. */
  waiting: '777',
  /** Recipients whose text is hostile markup: must render literally. */
  hostile: '666',
  /** 5,000 recipients, for the benchmark and the webview's large-table path. */
  large: '5000',
  /** Sent when the emulator started; every read moves a few waiting recipients to a final status. */
  live: '9000',
  /** Sent by a sub-account: its key reads it, the main account's does not. */
  subaccount: '8001',
} as const;

const FIRST_NAMES = [
  'alice',
  'bruno',
  'chloe',
  'david',
  'emma',
  'farid',
  'gaelle',
  'hugo',
  'ines',
  'jules',
  'lea',
  'marc',
];
const CAMPAIGN_STATUSES = [
  'Delivered',
  'Delivered',
  'Delivered',
  'Not delivered',
  'Waiting',
  'delivered',
  'DELIVRD',
  'UNDELIV',
  'EXPIRED',
  'ko',
  'Bounced-Soft',
];

export function formatMilli(milli: number): string {
  const sign = milli < 0 ? '-' : '';
  const abs = Math.abs(milli);
  return `${sign}${Math.floor(abs / 1000)}.${String(abs % 1000).padStart(3, '0')}`;
}

export function parseMilli(text: string): number | undefined {
  const m = /^(\d+)(?:\.(\d{1,3}))?$/.exec(text.trim());
  return m ? Number(m[1]) * 1000 + Number((m[2] ?? '').padEnd(3, '0')) : undefined;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

function subaccounts(service: EmulatedService, count: number): SubaccountRecord[] {
  const out: SubaccountRecord[] = [];
  for (let i = 1; i <= count; i++) {
    const name = FIRST_NAMES[i % FIRST_NAMES.length];
    const day = 1 + (i % 28);
    const month = 1 + (i % 12);
    out.push({
      id: 1000 + i,
      email: `${name}.${i}@client-${service}.example`,
      type: i % 3 === 0 ? 'advanced' : 'simple',
      token: `${service}tok${String(i).padStart(5, '0')}`,
      apiKey: `${service}-subkey-${String(i).padStart(5, '0')}-9c4e`,
      createdAt: `20${String(18 + (i % 7))}-${pad2(month)}-${pad2(day)} ${pad2(i % 24)}:${pad2((i * 7) % 60)}:${pad2((i * 13) % 60)}`,
      milli: (i * 7919) % 250_000,
    });
  }
  return out;
}

function recipient(service: EmulatedService, i: number): string {
  return service === 'sms'
    ? `+336${String(10000000 + i).slice(-8)}`
    : `${FIRST_NAMES[i % FIRST_NAMES.length]}.${i}@exemple.fr`;
}

function generated(
  service: EmulatedService,
  count: number,
  statuses: readonly string[],
  seed: number,
): RecipientRecord[] {
  const rows: RecipientRecord[] = [];
  for (let i = 1; i <= count; i++) {
    rows.push({
      recipient: recipient(service, i),
      token: `r${seed}x${i}`,
      status: statuses[(i * 7 + seed) % statuses.length],
      cost: service === 'mail' ? 1 : 0.045,
      stop: i % 17 === 0,
      date: String(1763800000 + i * 37),
    });
  }
  return rows;
}

function messages(service: EmulatedService): Map<string, RecipientRecord[]> {
  const map = new Map<string, RecipientRecord[]>();
  const docsDate = service === 'sms' ? ['1517989111', '1517989101'] : ['1599061044', '1599061044'];
  map.set(SAMPLE_MESSAGES.docs[service], [
    {
      recipient: service === 'sms' ? '+336XXXXXXX1' : 'email1',
      token: 'xxx',
      status: 'Delivered',
      cost: 1,
      stop: service === 'mail',
      date: docsDate[0],
    },
    {
      recipient: service === 'sms' ? '+336XXXXXXX2' : 'email2',
      token: 'yyy',
      status: 'Delivered',
      cost: 1,
      stop: service === 'mail',
      date: docsDate[1],
    },
  ]);
  map.set(SAMPLE_MESSAGES.campaign, generated(service, 48, CAMPAIGN_STATUSES, 3));
  map.set(SAMPLE_MESSAGES.waiting, generated(service, 6, ['Waiting'], 1));
  map.set(SAMPLE_MESSAGES.hostile, [
    {
      recipient: '<img src=x onerror=alert(1)>',
      token: '<script>alert(2)</script>',
      status: '<b>Delivered</b>',
      cost: 1,
      stop: false,
      date: '1763800000',
    },
    {
      recipient: '[click](command:workbench.action.quit)',
      token: '"><svg onload=alert(3)>',
      status: 'Waiting',
      cost: 1,
      stop: true,
      date: '1763800100',
    },
  ]);
  map.set(SAMPLE_MESSAGES.large, generated(service, 5000, CAMPAIGN_STATUSES, 5));
  const now = String(Math.floor(Date.now() / 1000));
  map.set(
    SAMPLE_MESSAGES.live,
    generated(service, 12, ['Waiting'], 9).map((r) => ({ ...r, date: now })),
  );
  return map;
}

function subaccountMessages(service: EmulatedService): Map<string, RecipientRecord[]> {
  return new Map([[SAMPLE_MESSAGES.subaccount, generated(service, 6, ['Delivered', 'Waiting', 'Delivered'], 8)]]);
}

export function createServiceData(service: EmulatedService, options: DataOptions = {}): ServiceData {
  const count = (service === 'sms' ? options.smsSubaccounts : options.mailSubaccounts) ?? 45;
  const data: ServiceData = {
    apiKey: (service === 'sms' ? options.smsKey : options.mailKey) ?? DEFAULT_KEYS[service],
    username: service === 'sms' ? 'agence.durand@exemple.fr' : 'newsletter@exemple.fr',
    firstname: service === 'sms' ? 'Claire' : undefined,
    lastname: service === 'sms' ? 'Durand' : undefined,
    milli: service === 'mail' && options.demoFigures ? 1_932_400 : 10_225_119,
    counts:
      service === 'sms'
        ? { creditSms: 269082, creditSmsECO: 444570, creditHlr: 2045023, toSend: 12 }
        : { creditMail: options.demoFigures ? 48310 : 269082 },
    subaccounts: subaccounts(service, count),
    messages: messages(service),
    subaccountMessages: subaccountMessages(service),
    statusMovers: new Map(),
  };
  // Scheduled sends (routes/messages.ts) read like any message until cancelled.
  seedScheduledMessages(data, service);
  return data;
}
