// The network bound as any extension sees it: the pages Find reads, six in flight, with
// node:http alone (Node's keep-alive global agent), in the same extension host, so through
// the same proxy layer VS Code puts under every extension's requests. The bench sets
// PARTNER_BENCH_BARE_PAGES to "<url without page number>|<page count>" and reads the
// figure from the status bar.
/* eslint-disable @typescript-eslint/no-require-imports -- a plain CommonJS extension, not bundled */
const vscode = require('vscode');
const http = require('node:http');

function get(url) {
  return new Promise((resolve, reject) => {
    http
      .get(url, (res) => {
        res.setEncoding('utf8');
        let body = '';
        res.on('data', (chunk) => (body += chunk));
        res.on('end', () => (res.statusCode === 200 ? resolve(body) : reject(new Error(`HTTP ${res.statusCode}`))));
        res.on('error', reject);
      })
      .on('error', reject);
  });
}

exports.activate = function activate(context) {
  const item = vscode.window.createStatusBarItem();
  context.subscriptions.push(
    item,
    vscode.commands.registerCommand('benchBareFetch.run', async () => {
      const [base, count] = (process.env.PARTNER_BENCH_BARE_PAGES || '').split('|');
      const pages = Number(count);
      let next = 1;
      const started = performance.now();
      await Promise.all(
        Array.from({ length: 6 }, async () => {
          while (next <= pages) {
            const n = next++;
            await get(`${base}${n}`);
          }
        }),
      );
      item.text = `bare fetch ${Math.round(performance.now() - started)} ms`;
      item.show();
    }),
  );
};
