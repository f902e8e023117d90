// @ts-check
/// <reference lib="dom" />
// The message-status webview. Everything from the API is inserted with textContent;
// the rows are windowed so 5,000 recipients render and sort quickly. `el` and
// `format` come from webviewDom.js, loaded first.

/** @typedef {import('../src/webview/messageStatusProtocol').HostMessage} HostMessage */
/** @typedef {import('../src/webview/messageStatusProtocol').WebviewMessage} WebviewMessage */
/** @typedef {import('../src/webview/messageStatusProtocol').StatusViewData} StatusViewData */
/** @typedef {import('../src/webview/messageStatusProtocol').StatusRow} StatusRow */
/** @typedef {import('../src/webview/messageStatusProtocol').PanelStrings} PanelStrings */
/** @typedef {import('../src/webview/messageStatusProtocol').PanelPersistedState} PanelPersistedState */
/** @typedef {import('../src/webview/messageStatusProtocol').SortColumn} SortColumn */
/** @typedef {import('../src/webview/messageStatusProtocol').StatusCategory} StatusCategory */
/** @typedef {import('../src/webview/messageStatusProtocol').TrackingState} TrackingState */

(function () {
  // @ts-expect-error acquireVsCodeApi is provided by VS Code inside webviews.
  const vscode = acquireVsCodeApi();
  const app = /** @type {HTMLElement} */ (document.getElementById('app'));
  const ROW_HEIGHT = 26;
  const OVERSCAN = 20;
  const COLUMNS = /** @type {SortColumn[]} */ (['recipient', 'status', 'cost', 'stop', 'date']);

  /** @type {PanelPersistedState} */
  const initial = JSON.parse(document.body.dataset.state || '{}');
  /** @type {PanelPersistedState} */
  let state = { ...initial, ...(vscode.getState() || {}) };
  vscode.setState(state);

  /** @type {PanelStrings | undefined} */
  let strings;
  let locale = 'en';
  /** @type {StatusViewData | undefined} */
  let data;
  /** @type {StatusRow[]} */
  let view = [];
  /** @type {TrackingState} */
  let tracking = { state: 'off' };
  /** @type {HTMLElement | undefined} */
  let trackingLine;
  /** @type {Intl.DateTimeFormat} */
  let dateFormat = new Intl.DateTimeFormat('en', { dateStyle: 'short', timeStyle: 'medium' });
  /** @type {Intl.DateTimeFormat} */
  let timeFormat = new Intl.DateTimeFormat('en', { timeStyle: 'medium' });
  /** @type {Intl.NumberFormat} */
  let numberFormat = new Intl.NumberFormat('en');
  /** @type {Intl.Collator} */
  let collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

  /** @type {{ scroller: HTMLElement, body: HTMLTableSectionElement, top: HTMLTableRowElement, bottom: HTMLTableRowElement, counter: HTMLElement, heads: Map<SortColumn, HTMLTableCellElement> } | undefined} */
  let table;

  /** @param {WebviewMessage} message */
  function send(message) {
    vscode.postMessage(message);
  }

  /** @param {string} label @param {() => void} onClick */
  function button(label, onClick) {
    const b = el('button', { className: 'action', text: label, attrs: { type: 'button', 'data-control': label } });
    b.addEventListener('click', onClick);
    return b;
  }

  function hidePersonal() {
    return state.hidePersonal === true;
  }

  /** The Hide personal data setting, as the host says it is (the rows follow in a new reading). @param {boolean} hidden */
  function setHidePersonal(hidden) {
    state = { ...state, hidePersonal: hidden === true };
    vscode.setState(state);
    const toggle = app.querySelector('[data-control="hidePersonal"]');
    if (toggle) toggle.setAttribute('aria-pressed', String(hidePersonal()));
  }

  /**
   * The host sends only dates it believes; the provider's text otherwise. An invalid
   * time would make Intl throw and blank the table, so it falls back to that text too.
   * @param {StatusRow} r
   */
  function dateText(r) {
    const time = r.date === null ? NaN : new Date(r.date).getTime();
    return Number.isNaN(time) ? (r.dateText ?? '') : dateFormat.format(time);
  }

  /** @param {StatusRow} r */
  function shownRecipient(r) {
    return hidePersonal() ? r.masked : r.recipient;
  }

  function trackingText() {
    if (!strings) return '';
    switch (tracking.state) {
      case 'live':
        return format(strings.trackingLive, timeFormat.format(new Date(tracking.nextAt)));
      case 'paused':
        return strings.trackingPaused;
      case 'final':
        return strings.trackingFinal;
      case 'expired':
        return strings.trackingExpired;
      default:
        return '';
    }
  }

  function showTracking() {
    if (!trackingLine) return;
    trackingLine.textContent = trackingText();
    trackingLine.dataset.state = tracking.state;
  }

  function categoryLabel(/** @type {StatusCategory} */ c) {
    if (!strings) return c;
    return {
      delivered: strings.categoryDelivered,
      failed: strings.categoryFailed,
      waiting: strings.categoryWaiting,
      other: strings.categoryOther,
    }[c];
  }

  function showLoading() {
    if (data && table) {
      app.setAttribute('aria-busy', 'true');
      return;
    }
    app.replaceChildren(
      el('p', { className: 'loading', text: strings ? strings.loading : '…', attrs: { role: 'status' } }),
    );
    app.setAttribute('aria-busy', 'true');
  }

  /** @param {{ message: string, canRetry: boolean, canSetKey: boolean }} error */
  function showError(error) {
    if (!strings) return;
    const s = strings;
    const actions = el('div', { className: 'actions' });
    if (error.canRetry) actions.appendChild(button(s.retry, () => send({ type: 'refresh' })));
    if (error.canSetKey) actions.appendChild(button(s.setKey, () => send({ type: 'setKey' })));
    app.replaceChildren(
      el('div', { className: 'error', attrs: { role: 'alert' } }, [el('p', { text: error.message }), actions]),
    );
    app.setAttribute('aria-busy', 'false');
    table = undefined;
  }

  function renderAll() {
    if (!strings || !data) return;
    const s = strings;
    const d = data;
    const started = performance.now();
    const hide = /** @type {HTMLButtonElement} */ (
      el('button', {
        className: 'action toggle',
        text: s.hidePersonal,
        attrs: { type: 'button', 'aria-pressed': String(hidePersonal()), 'data-control': 'hidePersonal' },
      })
    );
    // The button changes the Hide personal data setting; the host then sends the state and the rows.
    hide.addEventListener('click', () => send({ type: 'hidePersonal', hidden: !hidePersonal() }));
    trackingLine = el('p', { className: 'tracking', attrs: { role: 'status', 'aria-live': 'polite' } });
    const changes = el('div', { className: 'changes', attrs: { role: 'status' } });
    if (d.previousFetchedAt !== null) {
      const since = timeFormat.format(new Date(d.previousFetchedAt));
      const moved = d.changes.reduce((n, c) => n + c.count, 0);
      changes.appendChild(
        el('p', {
          className: 'changes-title',
          text: moved === 0 ? format(s.noChanges, since) : format(s.changesSince, numberFormat.format(moved), since),
        }),
      );
      if (moved > 0) {
        changes.appendChild(
          el(
            'ul',
            {},
            d.changes.map((c) => el('li', { text: format(s.changeEntry, c.from, c.to, numberFormat.format(c.count)) })),
          ),
        );
      }
    }
    const heading = format(d.subject === 'tag' ? s.tagTitle : s.title, d.messageId, d.serviceLabel);
    const actions = [
      button(s.refresh, () => send({ type: 'refresh' })),
      button(s.copyCsv, () => send({ type: 'copyCsv' })),
      button(s.exportCsv, () => send({ type: 'exportCsv' })),
      button(s.copyMarkdown, () => send({ type: 'copyMarkdown' })),
      button(s.copyJson, () => send({ type: 'copyJson' })),
    ];
    if (d.subject !== 'tag') actions.push(button(s.copyMessageId, () => send({ type: 'copyMessageId' })));
    actions.push(button(s.copyAsCode, () => send({ type: 'copyAsCode' })));
    if (d.canCancel) {
      const cancel = button(s.cancelSend, () => send({ type: 'cancelSend' }));
      cancel.classList.add('danger');
      cancel.dataset.control = 'cancelSend';
      actions.push(cancel);
    }
    actions.push(hide);
    const header = el('header', {}, [
      el('h1', { text: heading }),
      el('p', {
        className: 'meta',
        text: `${format(s.recipientsCount, numberFormat.format(d.rows.length))} · ${format(s.updatedAt, dateFormat.format(new Date(d.fetchedAt)))}`,
      }),
      trackingLine,
      el('div', { className: 'actions' }, actions),
      changes,
    ]);
    showTracking();

    const summary = el('section', { className: 'summary', attrs: { 'aria-label': s.summary } });
    const total = Math.max(1, d.rows.length);
    for (const entry of d.summary) {
      const fill = el('span', { className: `fill cat-${entry.category}` });
      fill.style.width = `${Math.max(0.5, (entry.count / total) * 100)}%`;
      const item = el(
        'button',
        { className: 'summary-item', attrs: { type: 'button', title: categoryLabel(entry.category) } },
        [
          el('span', { className: 'summary-status', text: entry.status }),
          el('span', { className: 'bar', attrs: { 'aria-hidden': 'true' } }, [fill]),
          el('span', { className: 'summary-count', text: numberFormat.format(entry.count) }),
        ],
      );
      item.addEventListener('click', () => {
        state = { ...state, filterText: entry.status };
        vscode.setState(state);
        search.value = entry.status;
        applyView();
      });
      summary.appendChild(item);
    }

    const search = /** @type {HTMLInputElement} */ (
      el('input', {
        attrs: {
          type: 'search',
          placeholder: s.filterPlaceholder,
          'aria-label': s.filterLabel,
          value: state.filterText || '',
          'data-control': 'search',
        },
      })
    );
    search.value = state.filterText || '';
    search.addEventListener('input', () => {
      state = { ...state, filterText: search.value };
      vscode.setState(state);
      applyView();
    });
    const select = /** @type {HTMLSelectElement} */ (
      el('select', { attrs: { 'aria-label': s.statusFilterLabel, 'data-control': 'category' } })
    );
    select.appendChild(el('option', { text: s.allStatuses, attrs: { value: '' } }));
    for (const c of /** @type {StatusCategory[]} */ (['delivered', 'failed', 'waiting', 'other'])) {
      select.appendChild(el('option', { text: categoryLabel(c), attrs: { value: c } }));
    }
    select.value = state.filterCategory || '';
    select.addEventListener('change', () => {
      state = { ...state, filterCategory: /** @type {StatusCategory | ''} */ (select.value) };
      vscode.setState(state);
      applyView();
    });
    const counter = el('span', { className: 'counter', attrs: { role: 'status' } });
    const filters = el('div', { className: 'filters' }, [search, select, counter]);

    const heads = new Map();
    const headRow = el('tr');
    for (const column of COLUMNS) {
      const sortButton = el('button', {
        className: 'sort',
        text: s[column],
        attrs: { type: 'button', 'data-control': `sort-${column}` },
      });
      sortButton.addEventListener('click', () => {
        const current = state.sort;
        const descending = current && current.column === column ? !current.descending : false;
        state = { ...state, sort: { column, descending } };
        vscode.setState(state);
        applyView();
        sortButton.focus();
      });
      const th = /** @type {HTMLTableCellElement} */ (
        el('th', { className: `col-${column}`, attrs: { scope: 'col' } }, [sortButton])
      );
      heads.set(column, th);
      headRow.appendChild(th);
    }
    const top = /** @type {HTMLTableRowElement} */ (
      el('tr', { className: 'spacer', attrs: { 'aria-hidden': 'true' } })
    );
    const bottom = /** @type {HTMLTableRowElement} */ (
      el('tr', { className: 'spacer', attrs: { 'aria-hidden': 'true' } })
    );
    const body = /** @type {HTMLTableSectionElement} */ (el('tbody'));
    const tableEl = el('table', { attrs: { 'aria-rowcount': String(d.rows.length + 1) } }, [
      el('caption', { className: 'visually-hidden', text: heading }),
      el('thead', {}, [headRow]),
      body,
    ]);
    const scroller = el('div', { className: 'table-scroll', attrs: { tabindex: '0', 'data-control': 'table' } }, [
      tableEl,
    ]);
    scroller.addEventListener('scroll', () => requestAnimationFrame(renderRows), { passive: true });

    app.replaceChildren(header, summary, filters, scroller);
    app.setAttribute('aria-busy', 'false');
    table = { scroller, body, top, bottom, counter, heads };
    applyView(started);
  }

  /** Filters and sorts the rows, then renders the visible window. */
  function applyView(started = performance.now()) {
    if (!data || !table || !strings) return;
    const text = (state.filterText || '').trim().toLowerCase();
    const category = state.filterCategory || '';
    let rows = data.rows.filter(
      (r) =>
        (!category || r.category === category) &&
        (!text || shownRecipient(r).toLowerCase().includes(text) || r.status.toLowerCase().includes(text)),
    );
    const sort = state.sort;
    if (sort) {
      const dir = sort.descending ? -1 : 1;
      const c = sort.column;
      /** @type {(a: StatusRow, b: StatusRow) => number} */
      const compare =
        c === 'recipient' || c === 'status'
          ? c === 'recipient'
            ? (a, b) => collator.compare(shownRecipient(a), shownRecipient(b))
            : (a, b) => collator.compare(a.status, b.status)
          : c === 'stop'
            ? (a, b) => Number(a.stop) - Number(b.stop)
            : (a, b) => (a[c] ?? -Infinity) - (b[c] ?? -Infinity);
      rows = rows.slice().sort((a, b) => dir * compare(a, b));
    }
    view = rows;
    for (const [column, th] of table.heads) {
      th.setAttribute(
        'aria-sort',
        sort && sort.column === column ? (sort.descending ? 'descending' : 'ascending') : 'none',
      );
    }
    table.counter.textContent = format(
      strings.shownCount,
      numberFormat.format(rows.length),
      numberFormat.format(data.rows.length),
    );
    table.scroller.scrollTop = 0;
    renderRows();
    app.dataset.viewMs = String(Math.round((performance.now() - started) * 10) / 10);
    report(started);
  }

  function renderRows() {
    if (!table || !strings || !data) return;
    const s = strings;
    const height = table.scroller.clientHeight || 600;
    const first = Math.max(0, Math.floor(table.scroller.scrollTop / ROW_HEIGHT) - OVERSCAN);
    const last = Math.min(view.length, Math.ceil((table.scroller.scrollTop + height) / ROW_HEIGHT) + OVERSCAN);
    table.top.style.height = `${first * ROW_HEIGHT}px`;
    table.bottom.style.height = `${(view.length - last) * ROW_HEIGHT}px`;
    const fragment = document.createDocumentFragment();
    fragment.appendChild(table.top);
    if (view.length === 0) {
      fragment.appendChild(el('tr', {}, [el('td', { className: 'empty', text: s.noRows, attrs: { colspan: '5' } })]));
    }
    for (let i = first; i < last; i++) {
      const r = view[i];
      const who = shownRecipient(r);
      const status = el('td', { className: 'col-status' }, [
        el('span', {
          className: `status cat-${r.category}`,
          text: r.status,
          attrs: { title: categoryLabel(r.category) },
        }),
      ]);
      if (r.previousStatus !== undefined) {
        status.appendChild(el('span', { className: 'was', text: format(s.changedFrom, r.previousStatus) }));
      }
      const tr = el(
        'tr',
        {
          className: r.previousStatus !== undefined ? 'changed' : undefined,
          attrs: { 'aria-rowindex': String(i + 2) },
        },
        [
          recipientCell(r, who),
          status,
          el('td', { className: 'col-cost num', text: r.cost === null ? '' : numberFormat.format(r.cost) }),
          el('td', { className: 'col-stop', text: r.stop ? s.yes : s.no }),
          el('td', { className: 'col-date num', text: dateText(r) }),
        ],
      );
      fragment.appendChild(tr);
    }
    fragment.appendChild(table.bottom);
    table.body.replaceChildren(fragment);
  }

  /**
   * The recipient, and (SMS messages) a text-free button for its own status: the cell's
   * text stays the recipient's.
   * @param {StatusRow} r @param {string} who
   */
  function recipientCell(r, who) {
    const td = el('td', { className: 'col-recipient', text: who, attrs: { title: who } });
    if (data && data.canLookUpRecipient && strings) {
      const label = format(strings.recipientAction, who);
      const action = el('button', {
        className: 'row-action',
        attrs: { type: 'button', 'aria-label': label, title: label, 'data-control': 'recipientStatus' },
      });
      action.addEventListener('click', () =>
        send({ type: 'recipientStatus', row: data ? data.rows.indexOf(r) : -1, recipient: who }),
      );
      td.appendChild(action);
    }
    return td;
  }

  /**
   * Tells the host what was rendered: it checks the table shows the API's text as text.
   * @param {number} started
   */
  function report(started) {
    // What was drawn, for the integration tests: only in the test build (scripts/build.mjs).
    if (__PARTNER_TEST_BUILD__ && table && data) {
      const rows = Array.from(table.body.querySelectorAll('tr:not(.spacer)')).slice(0, 5);
      send({
        type: 'rendered',
        report: {
          rowCount: data.rows.length,
          shownCount: view.length,
          firstRows: rows.map((tr) => Array.from(tr.children).map((td) => td.textContent || '')),
          foreignElements: app.querySelectorAll('img, script, svg, iframe, object, embed, a').length,
          renderMs: Math.round(performance.now() - started),
        },
      });
    }
  }

  /** @returns {{ control: string, selection: [number, number] | undefined } | undefined} */
  function focusedControl() {
    const active = document.activeElement;
    const control = active instanceof HTMLElement ? active.dataset.control : undefined;
    if (!control) return undefined;
    return {
      control,
      selection:
        active instanceof HTMLInputElement ? [active.selectionStart ?? 0, active.selectionEnd ?? 0] : undefined,
    };
  }

  /** @param {{ control: string, selection: [number, number] | undefined }} focused */
  function restoreFocus(focused) {
    const target = app.querySelector(`[data-control="${CSS.escape(focused.control)}"]`);
    if (!(target instanceof HTMLElement)) return;
    target.focus();
    if (focused.selection && target instanceof HTMLInputElement) target.setSelectionRange(...focused.selection);
  }

  window.addEventListener('message', (event) => {
    /** @type {HostMessage} */
    const message = event.data;
    switch (message.type) {
      case 'init':
        strings = message.strings;
        locale = message.locale;
        dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'medium' });
        timeFormat = new Intl.DateTimeFormat(locale, { timeStyle: 'medium' });
        numberFormat = new Intl.NumberFormat(locale);
        collator = new Intl.Collator(locale, { numeric: true, sensitivity: 'base' });
        document.documentElement.lang = locale;
        setHidePersonal(message.hidePersonal);
        showLoading();
        break;
      case 'personalData':
        setHidePersonal(message.hidden);
        break;
      case 'loading':
        showLoading();
        break;
      case 'data': {
        const received = performance.now();
        // A new reading of the message on screen (live tracking, Refresh) keeps the
        // reader's place: scroll position, focused control, caret in the filter.
        const same = table !== undefined && data !== undefined && data.messageId === message.data.messageId;
        const scrollTop = same && table ? table.scroller.scrollTop : 0;
        const focused = same ? focusedControl() : undefined;
        data = message.data;
        renderAll();
        if (table && scrollTop > 0) {
          table.scroller.scrollTop = scrollTop;
          renderRows();
        }
        if (focused) restoreFocus(focused);
        // After the next frame the table is on screen: that is the first paint.
        requestAnimationFrame(() =>
          setTimeout(() => (app.dataset.firstPaintMs = String(Math.round(performance.now() - received)))),
        );
        break;
      }
      case 'tracking':
        tracking = message.tracking;
        showTracking();
        break;
      case 'error':
        data = undefined;
        showError(message);
        break;
    }
  });

  send({ type: 'ready' });
})();
