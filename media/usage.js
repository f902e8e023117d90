// @ts-check
/// <reference lib="dom" />
// The Usage webview: messages sent per month as SVG bars (built element by element, no
// markup strings) with the same figures in a table beneath. Every figure arrives
// formatted by the host; text goes in through textContent only.
// `el` and `format` come from webviewDom.js, `svg`, `chartRoot` and `chartAxes` from charts.js, loaded first.

/** @typedef {import('../src/webview/usageProtocol').UsageHostMessage} UsageHostMessage */
/** @typedef {import('../src/webview/usageProtocol').UsageWebviewMessage} UsageWebviewMessage */
/** @typedef {import('../src/webview/usageProtocol').UsageStrings} UsageStrings */
/** @typedef {import('../src/webview/usageProtocol').UsageRange} UsageRange */
/** @typedef {import('../src/webview/usageProtocol').UsageData} UsageData */
/** @typedef {import('../src/webview/usageProtocol').UsagePersistedState} UsagePersistedState */

(function () {
  const { vscode, app, send } = /** @type {ReturnType<typeof webviewHost<UsageWebviewMessage>>} */ (webviewHost());
  const BOX = chartBox(200, { left: 56, right: 8, top: 10, bottom: 34 });
  const { width: WIDTH, height: HEIGHT, pad: PAD } = BOX;

  /** @type {UsageStrings | undefined} */
  let strings;
  /** @type {UsagePersistedState | undefined} */
  const saved = vscode.getState();
  /** @type {UsageRange} */
  let range = saved?.range ?? { kind: 'lastTwelveMonths' };
  /** @type {UsageData | undefined} */
  let data;
  /** What the status line says: reading, waiting, an error. */
  let status = '';
  let statusIsError = false;

  /** @param {UsageRange} next @param {boolean} [force] */
  function ask(next, force) {
    range = next;
    send({ type: 'range', range: next, force });
    draw();
  }

  /** @param {UsageData} d */
  function chart(d) {
    const s = /** @type {UsageStrings} */ (strings);
    const months = d.months;
    const max = Math.max(1, ...months.map((m) => m.sent));
    const plotW = WIDTH - PAD.left - PAD.right;
    const plotH = HEIGHT - PAD.top - PAD.bottom;
    const slot = plotW / months.length;
    const barW = Math.max(2, Math.min(40, slot * 0.7));
    const root = chartRoot(BOX, format(s.chartLabel, months.length, months[0].label, months[months.length - 1].label));
    chartAxes(root, BOX, {
      top: months.reduce((a, m) => (m.sent === max ? m.sentText : a), ''),
      bottom: '0',
      topOffset: 10,
    });
    months.forEach((m, i) => {
      const h = (m.sent / max) * plotH;
      const x = PAD.left + i * slot + (slot - barW) / 2;
      const bar = svg('rect', { class: 'usage-bar', x, y: PAD.top + plotH - h, width: barW, height: Math.max(0, h) });
      bar.appendChild(svg('title', {}, `${m.label}: ${m.sentText} · ${m.costText}`));
      root.appendChild(bar);
      if (i % Math.ceil(months.length / 6) === 0) {
        root.appendChild(
          svg(
            'text',
            { class: 'tick', x: x + barW / 2, y: HEIGHT - PAD.bottom + 16, 'text-anchor': 'middle' },
            m.label,
          ),
        );
      }
    });
    return root;
  }

  /** @param {UsageData} d */
  function table(d) {
    const s = /** @type {UsageStrings} */ (strings);
    const head = el('tr', {}, [
      el('th', { text: s.month }),
      el('th', { text: s.sent, className: 'num' }),
      el('th', { text: s.cost, className: 'num' }),
    ]);
    const body = d.months.map((m) =>
      el('tr', {}, [
        el('td', { text: m.label }),
        el('td', { text: m.sentText, className: 'num' }),
        el('td', { text: m.costText, className: 'num' }),
      ]),
    );
    const total = el('tr', { className: 'total' }, [
      el('th', { text: s.total }),
      el('th', { text: d.totalSentText, className: 'num' }),
      el('th', { text: d.totalCostText, className: 'num' }),
    ]);
    return el('table', { className: 'usage' }, [el('thead', {}, [head]), el('tbody', {}, [...body, total])]);
  }

  function controls() {
    const s = /** @type {UsageStrings} */ (strings);
    /** @param {'lastMonth' | 'lastTwelveMonths'} kind @param {string} label */
    const rangeButton = (kind, label) => {
      const b = el('button', {
        className: `action${range.kind === kind ? ' selected' : ''}`,
        text: label,
        attrs: { 'data-range': kind },
      });
      b.setAttribute('aria-pressed', String(range.kind === kind));
      b.addEventListener('click', () => ask({ kind }));
      return b;
    };
    const from = /** @type {HTMLInputElement} */ (
      el('input', { attrs: { type: 'date', 'aria-label': s.from, value: range.from ?? '' } })
    );
    const to = /** @type {HTMLInputElement} */ (
      el('input', { attrs: { type: 'date', 'aria-label': s.to, value: range.to ?? '' } })
    );
    const show = el('button', {
      className: `action${range.kind === 'custom' ? ' selected' : ''}`,
      text: s.show,
      attrs: { 'data-range': 'custom' },
    });
    show.addEventListener('click', () => {
      if (!from.value || !to.value || from.value > to.value) {
        status = s.badRange;
        statusIsError = true;
        draw();
        return;
      }
      ask({ kind: 'custom', from: from.value, to: to.value });
    });
    const again = el('button', { className: 'action secondary', text: s.refresh, attrs: { 'data-action': 'refresh' } });
    again.addEventListener('click', () => ask(range, true));
    return el('div', { className: 'actions' }, [
      rangeButton('lastMonth', s.lastMonth),
      rangeButton('lastTwelveMonths', s.lastTwelveMonths),
      el('span', { className: 'custom' }, [
        el('label', { text: s.custom }),
        el('span', { text: s.from }),
        from,
        el('span', { text: s.to }),
        to,
        show,
      ]),
      again,
    ]);
  }

  function draw() {
    if (!strings) return;
    const s = strings;
    app.replaceChildren();
    app.setAttribute('aria-busy', 'false');
    const shown = data && JSON.stringify(data.range) === JSON.stringify(range) ? data : undefined;
    app.appendChild(el('h1', { text: data ? `${s.title} · ${data.accountName}` : s.title }));
    app.appendChild(controls());
    const meta = [shown ? format(s.readAt, shown.readAt) : '', status].filter(Boolean).join(' · ');
    app.appendChild(
      el('p', { className: `meta${statusIsError ? ' error' : ''}`, text: meta, attrs: { role: 'status' } }),
    );
    let bars = 0;
    if (shown) {
      if (shown.months.length === 0 || shown.months.every((m) => m.sent === 0)) {
        app.appendChild(el('p', { className: 'empty', text: s.empty }));
      }
      if (shown.months.length > 0) {
        const c = chart(shown);
        bars = c.querySelectorAll('rect.usage-bar').length;
        app.appendChild(c);
        app.appendChild(table(shown));
      }
    }
    // What was drawn, for the integration tests: only in the test build (scripts/build.mjs).
    if (__PARTNER_TEST_BUILD__) {
      send({
        type: 'rendered',
        report: {
          range: range.kind,
          months: shown ? shown.months.length : 0,
          bars,
          rows: shown
            ? shown.months.map((m) => /** @type {[string, string, string]} */ ([m.label, m.sentText, m.costText]))
            : [],
        },
      });
    }
  }

  window.addEventListener('message', (event) => {
    /** @type {UsageHostMessage} */
    const m = event.data;
    switch (m.type) {
      case 'init':
        strings = m.strings;
        break;
      case 'data':
        data = m;
        range = m.range;
        status = '';
        statusIsError = false;
        /** @type {UsagePersistedState} */
        const state = { accountId: m.accountId, range: m.range };
        vscode.setState(state);
        break;
      case 'loading':
        range = m.range;
        status = strings ? strings.loading : '';
        statusIsError = false;
        break;
      case 'waiting':
        range = m.range;
        status = strings ? format(strings.waiting, m.seconds, m.at) : '';
        statusIsError = false;
        break;
      case 'error':
        range = m.range;
        status = m.text;
        statusIsError = true;
        break;
    }
    draw();
  });

  send({ type: 'ready' });
})();
