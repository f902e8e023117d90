/**
 * Runs the emulator as a process: prints one JSON line with its URLs and keys, then
 * serves until SIGINT/SIGTERM, until its parent closes stdin (with --stdin), or
 * until --lifetime seconds have passed.
 *   node out/test/emulator/cli.js [--port N] [--subaccounts N] [--latency MS] [--lifetime S] [--stdin] [--demo]
 * --demo gives each service its own figures (the tests use the provider's samples, the same for both).
 */
import { PartnerEmulator } from './partnerEmulator';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  const subaccounts = Number(arg('subaccounts') ?? 45);
  const lifetime = Number(arg('lifetime') ?? 0);
  const emulator = await new PartnerEmulator({
    port: Number(arg('port') ?? 0),
    latencyMs: Number(arg('latency') ?? 0),
    smsSubaccounts: subaccounts,
    mailSubaccounts: Math.max(0, subaccounts - 13),
    lifetimeMs: lifetime > 0 ? lifetime * 1000 : undefined,
    demoFigures: process.argv.includes('--demo'),
  }).start();
  const info = {
    url: emulator.url,
    sms: { apiUrl: emulator.apiUrl('sms'), apiKey: emulator.apiKey('sms') },
    mail: { apiUrl: emulator.apiUrl('mail'), apiKey: emulator.apiKey('mail') },
  };
  process.stdout.write(`${JSON.stringify(info)}\n`);
  const stop = () => void emulator.stop().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  if (process.argv.includes('--stdin')) {
    process.stdin.resume();
    process.stdin.on('end', stop);
    process.stdin.on('close', stop);
  }
  if (lifetime > 0) {
    setTimeout(stop, lifetime * 1000).unref();
  }
}

void main();
