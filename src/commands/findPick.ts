import * as vscode from 'vscode';
import { SERVICES, type Subaccount } from '../api';
import type { AccountSession } from '../accounts/accountSession';
import type { PlacedSubaccount } from '../accounts/subaccountList';
import { errorText } from '../ui/errorText';
import { formatCount, formatMoney, formatTime } from '../ui/localeFormat';
import { couldMatch, showsFor } from './findPrefilter';

/** How often the QuickPick takes in newly arrived pages: rebuilding it per page is quadratic. */
const REFILL_EVERY_MS = 400;
/** Above this many sub-accounts, the QuickPick gets only the rows that could match what is typed. */
const PREFILTER_FROM = 2000;
/** Seconds shown as "about N s left" once a reading will take a while. */
const SHOW_TIME_LEFT_FROM_MS = 3000;

type FindItem = vscode.QuickPickItem & { readonly placed: PlacedSubaccount };
/** The row that says nothing matches (or nothing is there): choosing it reads the list again. */
type HintItem = vscode.QuickPickItem & { readonly placed?: undefined; readonly reread: boolean };
type Row = FindItem | HintItem;

/**
 * An honest time left for the reading: the slower of what the pages have taken so
 * far and what the provider's pacing will make them wait.
 */
function timeLeft(session: AccountSession): string | undefined {
  const { pagesLeft, pagesPerSecond } = session.subaccountIndex.progress;
  if (!pagesLeft) {
    return undefined;
  }
  const byRate = pagesPerSecond ? (pagesLeft / pagesPerSecond) * 1000 : 0;
  const byPacing = session.client?.estimateWaitMs(pagesLeft, 'subaccount/list') ?? 0;
  const ms = Math.max(byRate, byPacing);
  if (ms < SHOW_TIME_LEFT_FROM_MS) {
    return undefined;
  }
  const seconds = Math.ceil(ms / 1000);
  return seconds < 120
    ? vscode.l10n.t('about {0} s left', seconds)
    : vscode.l10n.t('about {0} min left', Math.ceil(seconds / 60));
}

/**
 * The row shown when no sub-account shows for what is typed (or the account has
 * none): never a silent empty list. It says when the list was read, and choosing
 * it reads the list again. While a reading runs it says so instead.
 */
function hintRow(session: AccountSession, typed: string, locale: string): HintItem | undefined {
  const index = session.subaccountIndex;
  if (!typed && (index.loading || index.error !== undefined)) {
    // Nothing read yet: the title says it is loading, the placeholder what failed.
    return undefined;
  }
  const label = typed
    ? vscode.l10n.t('No sub-account matches “{0}”', typed)
    : vscode.l10n.t('No sub-accounts in this account');
  if (index.loading) {
    return { label, description: vscode.l10n.t('still reading…'), alwaysShow: true, reread: false };
  }
  const readAt = index.readAt;
  const again = vscode.l10n.t('Read Again');
  return {
    label,
    description: readAt ? vscode.l10n.t('read at {0} · {1}', formatTime(readAt, locale), again) : again,
    alwaysShow: true,
    reread: true,
  };
}

export function pickSubaccount(
  session: AccountSession,
  named: boolean,
  abort: AbortController,
): Promise<PlacedSubaccount | undefined> {
  const index = session.subaccountIndex;
  const locale = vscode.env.language;
  const label = named ? `${SERVICES[session.service].label} · ${session.name}` : SERVICES[session.service].label;
  const pick = vscode.window.createQuickPick<Row>();
  const reread: vscode.QuickInputButton = {
    iconPath: new vscode.ThemeIcon('refresh'),
    tooltip: vscode.l10n.t('Read Again'),
  };
  pick.matchOnDescription = true;
  pick.matchOnDetail = true;
  pick.buttons = [reread];
  // Made once per sub-account, and matched once per sub-account and filter: a refill
  // walks 10,000 rows a few times a second while pages arrive.
  const items = new WeakMap<Subaccount, FindItem>();
  const texts = new WeakMap<FindItem, readonly string[]>();
  let matched = { filter: '', of: new WeakMap<FindItem, boolean>() };
  const itemFor = (placed: PlacedSubaccount): FindItem => {
    let item = items.get(placed.subaccount);
    if (!item) {
      const s = placed.subaccount;
      item = {
        label: s.email,
        description: [`#${s.id}`, s.token].filter(Boolean).join(' · '),
        detail: [s.type, formatMoney(s.balance, locale)].filter(Boolean).join(' · '),
        placed,
      };
      items.set(s, item);
      texts.set(
        item,
        [item.label, item.description ?? '', item.detail ?? ''].map((t) => t.toLowerCase()),
      );
    }
    return item;
  };
  const matches = (item: FindItem, filter: string): boolean => {
    if (matched.filter !== filter) {
      matched = { filter, of: new WeakMap() };
    }
    let match = matched.of.get(item);
    if (match === undefined) {
      match = couldMatch(texts.get(item)!, filter);
      matched.of.set(item, match);
    }
    return match;
  };
  // The index makes a new entries array after every page stored, removal or re-read.
  let shown: { entries: readonly PlacedSubaccount[] | undefined; filter: string; hint: string } = {
    entries: undefined,
    filter: '',
    hint: '',
  };
  const refill = () => {
    const entries = index.entries;
    // With thousands of rows, only those that could match what is typed cross to the
    // workbench: sending 10,000 items at each refill is what made a search slow.
    const filter = entries.length > PREFILTER_FROM ? pick.value.trim().toLowerCase() : '';
    const rows = filter ? entries.map(itemFor).filter((i) => matches(i, filter)) : entries.map(itemFor);
    const typed = pick.value.trim();
    const hint = rows.some((i) => showsFor(texts.get(i)!, typed)) ? undefined : hintRow(session, typed, locale);
    const hintKey = hint ? `${hint.label}|${hint.description ?? ''}` : '';
    if (entries !== shown.entries || filter !== shown.filter || hintKey !== shown.hint) {
      // Keeps the highlighted row where the user put it while rows are added or read again.
      const active = pick.activeItems[0]?.placed?.subaccount.id;
      pick.items = hint ? [...rows, hint] : rows;
      shown = { entries, filter, hint: hintKey };
      const again = active === undefined ? undefined : pick.items.find((i) => i.placed?.subaccount.id === active);
      if (again) {
        pick.activeItems = [again];
      }
    }
    const { total } = index.progress;
    pick.busy = index.loading;
    const left = timeLeft(session);
    pick.title = index.loading
      ? total !== undefined
        ? vscode.l10n.t(
            'Find a {0} sub-account: loading {1} of {2}…',
            label,
            formatCount(entries.length, locale),
            formatCount(total, locale),
          ) + (left ? ` ${left}` : '')
        : vscode.l10n.t('Find a {0} sub-account: loading…', label)
      : vscode.l10n.t('Find a {0} sub-account', label);
    const readAt = index.readAt;
    pick.placeholder =
      index.error !== undefined
        ? errorText(index.error)
        : readAt
          ? vscode.l10n.t('E-mail, token or id (list read at {0})', formatTime(readAt, locale))
          : vscode.l10n.t('E-mail, token or id');
  };
  let timer: NodeJS.Timeout | undefined;
  const scheduleRefill = () => {
    timer ??= setTimeout(() => {
      timer = undefined;
      refill();
    }, REFILL_EVERY_MS);
  };
  const subscription = index.onDidChange(() => (index.loading ? scheduleRefill() : refill()));
  const typing = pick.onDidChangeValue(() => refill());
  return new Promise((resolve) => {
    let chosen: PlacedSubaccount | undefined;
    pick.onDidAccept(() => {
      const row = pick.selectedItems[0];
      if (row?.placed) {
        chosen = row.placed;
        pick.hide();
      } else if (row?.reread) {
        void index.load(abort.signal, true);
      }
    });
    pick.onDidTriggerButton((button) => {
      if (button === reread) {
        void index.load(abort.signal, true);
      }
    });
    pick.onDidHide(() => {
      abort.abort();
      clearTimeout(timer);
      subscription.dispose();
      typing.dispose();
      pick.dispose();
      resolve(chosen);
    });
    refill();
    pick.show();
    void index.load(abort.signal);
  });
}
