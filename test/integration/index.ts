/**
 * Runs inside the VS Code extension host (`extensionTestsPath`): loads every
 * `*.test.js` next to it into mocha. The report goes to the host's console and,
 * for the launcher to print, to `mocha-report.txt` in the test workspace.
 */
import { appendFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'node:util';
import Mocha from 'mocha';

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? testFiles(join(dir, e.name)) : /\.(test|bench)\.js$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

export function run(): Promise<void> {
  const workspace = process.env.PARTNER_TEST_WORKSPACE;
  const report = workspace ? join(workspace, 'mocha-report.txt') : undefined;
  if (report) {
    writeFileSync(report, '');
  }
  // Reporters print through Base.consoleLog: tee it into the report file.
  const base = Mocha.reporters.Base as unknown as { consoleLog: (...args: unknown[]) => void };
  const hostLog = base.consoleLog;
  base.consoleLog = (...args: unknown[]) => {
    if (report) {
      appendFileSync(report, `${format(...args)}\n`);
    }
    hostLog(...args);
  };
  const mocha = new Mocha({
    ui: 'bdd',
    color: false,
    timeout: 30_000,
    reporter: 'spec',
    grep: process.env.PARTNER_TEST_GREP,
  });
  // The benchmark runs its own suite in the same host (PARTNER_SUITE_DIR).
  for (const file of testFiles(process.env.PARTNER_SUITE_DIR ?? __dirname).sort()) {
    mocha.addFile(file);
  }
  return new Promise((resolve, reject) => {
    mocha.run((failures) => {
      base.consoleLog = hostLog;
      if (failures > 0) {
        reject(new Error(`${failures} integration tests failed`));
      } else {
        resolve();
      }
    });
  });
}
