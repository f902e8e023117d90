// @ts-check
/// <reference lib="dom" />
// The credit-history webview: one SVG curve per service, built element by element
// (no markup strings), plus the readings as a table for screen readers and copying.
// `el` and `format` come from webviewDom.js, `svg`, `chartRoot` and `chartAxes` from charts.js, loaded first.

/** @typedef {import('../src/webview/creditHistoryProtocol').HistoryHostMessage} HistoryHostMessage */
/** @typedef {import('../src/webview/creditHistoryProtocol').HistoryWebviewMessage} HistoryWebviewMessage */
/** @typedef {import('../src/webview/creditHistoryProtocol').HistorySeries} HistorySeries */
/** @typedef {import('../src/webview/creditHistoryProtocol').HistoryStrings} HistoryStrings */

(function () {
  const { app, send } = /** @type {ReturnType<typeof webviewHost<HistoryWebviewMessage>>} */ (webviewHost());
  const BOX = chartBox(220, { left: 64, right: 12, top: 12, bottom: 28 });
  const { width: WIDTH, height: HEIGHT, pad: PAD } = BOX;

  /** @type {HistoryStrings | undefined} */
  let strings;
  let locale = 'en';

  /**
   * @param {HistorySeries} series
   * @param {Intl.NumberFormat} numbers
   * @param {Intl.DateTimeFormat} dates
   */
  function chart(series, numbers, dates) {
    const s = /** @type {HistoryStrings} */ (strings);
    const points = series.points;
    const first = points[0].t;
    const last = points[points.length - 1].t;
    let min = Math.min(series.threshold, ...points.map((p) => p.count));
    let max = Math.max(series.threshold, ...points.map((p) => p.count));
    if (max === min) {
      max += 1;
      min = Math.max(0, min - 1);
    }
    const x = (/** @type {number} */ t) =>
      PAD.left +
      (last === first
        ? (WIDTH - PAD.left - PAD.right) / 2
        : ((t - first) / (last - first)) * (WIDTH - PAD.left - PAD.right));
    const y = (/** @type {number} */ v) => PAD.top + (1 - (v - min) / (max - min)) * (HEIGHT - PAD.top - PAD.bottom);
    const label = format(
      s.chartLabel,
      numbers.format(points.length),
      dates.format(new Date(first)),
      dates.format(new Date(last)),
    );
    const root = chartRoot(BOX, `${series.label}: ${label}`);
    root.appendChild(svg('title', {}, `${series.label}: ${label}`));
    chartAxes(root, BOX, { top: numbers.format(max), bottom: numbers.format(min), topOffset: 4, valueAxis: true });
    root.appendChild(svg('text', { x: PAD.left, y: HEIGHT - 8, class: 'tick' }, dates.format(new Date(first))));
    root.appendChild(
      svg(
        'text',
        { x: WIDTH - PAD.right, y: HEIGHT - 8, class: 'tick', 'text-anchor': 'end' },
        dates.format(new Date(last)),
      ),
    );
    const ty = y(series.threshold);
    root.appendChild(svg('line', { x1: PAD.left, x2: WIDTH - PAD.right, y1: ty, y2: ty, class: 'threshold' }));
    root.appendChild(
      svg(
        'text',
        { x: WIDTH - PAD.right, y: ty - 4, class: 'tick threshold-label', 'text-anchor': 'end' },
        format(s.threshold, numbers.format(series.threshold)),
      ),
    );
    const d = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(p.t).toFixed(1)},${y(p.count).toFixed(1)}`).join(' ');
    root.appendChild(svg('path', { d, class: 'curve' }));
    for (const p of points) {
      const dot = svg('circle', { cx: x(p.t).toFixed(1), cy: y(p.count).toFixed(1), r: 3, class: 'dot' });
      dot.appendChild(svg('title', {}, `${dates.format(new Date(p.t))}: ${numbers.format(p.count)} ${series.unit}`));
      root.appendChild(dot);
    }
    return root;
  }

  /** @param {readonly HistorySeries[]} all */
  function render(all) {
    if (!strings) return;
    const s = strings;
    const numbers = new Intl.NumberFormat(locale);
    const dates = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' });
    const money = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 3 });
    const sections = [el('h1', { text: s.title })];
    for (const series of all) {
      const section = el('section', { className: 'series', attrs: { 'aria-label': series.label } }, [
        el('h2', { text: series.label }),
      ]);
      if (series.points.length === 0) {
        section.appendChild(el('p', { className: 'meta', text: s.empty }));
        sections.push(section);
        continue;
      }
      for (const line of series.trend) section.appendChild(el('p', { className: 'trend', text: line }));
      section.appendChild(chart(series, numbers, dates));
      const rows = series.points
        .slice()
        .reverse()
        .map((p) =>
          el('tr', {}, [
            el('td', { text: dates.format(new Date(p.t)) }),
            el('td', { className: 'num', text: numbers.format(p.count) }),
            el('td', { className: 'num', text: money.format(p.balance) }),
          ]),
        );
      const table = el('table', {}, [
        el('thead', {}, [
          el('tr', {}, [
            el('th', { text: s.date, attrs: { scope: 'col' } }),
            el('th', { text: `${s.count} (${series.unit})`, attrs: { scope: 'col' } }),
            el('th', { text: s.balance, attrs: { scope: 'col' } }),
          ]),
        ]),
        el('tbody', {}, rows),
      ]);
      const details = el('details', {}, [
        el('summary', { text: `${s.readings} (${numbers.format(series.points.length)})` }),
        table,
      ]);
      const clear = el('button', { className: 'action', text: s.clear, attrs: { type: 'button' } });
      clear.addEventListener('click', () => send({ type: 'clear', key: series.key }));
      section.appendChild(details);
      section.appendChild(el('div', { className: 'actions' }, [clear]));
      sections.push(section);
    }
    app.replaceChildren(...sections);
    app.setAttribute('aria-busy', 'false');
    // What was drawn, for the integration tests: only in the test build (scripts/build.mjs).
    if (__PARTNER_TEST_BUILD__) {
      send({
        type: 'rendered',
        report: {
          series: all.map((series) => ({
            service: series.service,
            readings: series.points.length,
            plotted: app.querySelectorAll(`section[aria-label="${CSS.escape(series.label)}"] circle.dot`).length,
          })),
        },
      });
    }
  }

  window.addEventListener('message', (event) => {
    /** @type {HistoryHostMessage} */
    const message = event.data;
    if (message.type === 'init') {
      strings = message.strings;
      locale = message.locale;
      document.documentElement.lang = locale;
    } else if (message.type === 'data') {
      render(message.series);
    }
  });

  send({ type: 'ready' });
})();
