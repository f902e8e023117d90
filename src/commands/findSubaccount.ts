import * as vscode from 'vscode';
import { SERVICES, type Subaccount } from '../api';
import type { AccountSession } from '../accounts/accountSession';
import type { AccountSessions } from '../accounts/accountSessions';
import type { SubaccountTarget } from '../accounts/commandTargets';
import type { PlacedSubaccount } from '../accounts/subaccountList';
import { errorText } from '../ui/errorText';
import { formatCount, formatMoney, formatTime } from '../ui/localeFormat';
import { resolveAccount } from './accountPick';
import { couldMatch } from './findPrefilter';

export interface FindDeps {
  readonly sessions: AccountSessions;
  /** Puts a sub-account in the Accounts view's list (without the pages before it) and selects it. */
  readonly reveal: (session: AccountSession, placed: PlacedSubaccount) => Promise<SubaccountTarget | undefined>;
}

/** How often the QuickPick takes in newly arrived pages: rebuilding it per page is quadratic. */
const REFILL_EVERY_MS = 400;
/** Above this many sub-accounts, the QuickPick gets only the rows that could match what is typed. */
const PREFILTER_FROM = 2000;

/** Whether a sub-account matches what the user typed: e-mail, token or id. */
export function matchesSubaccount(s: Subaccount, query: string): boolean {
  const q = query.trim().toLowerCase();
  return (
    q !== '' && (s.email.toLowerCase().includes(q) || (s.token ?? '').toLowerCase().includes(q) || String(s.id) === q)
  );
}

type FindItem = vscode.QuickPickItem & { readonly placed: PlacedSubaccount };

/**
 * `Find Sub-account…`: a QuickPick over every sub-account of a service. It reads
 * the account's Find index (kept apart from the tree, fresh for a while, pages
 * filling in as they arrive and taken in a few times a second), matches e-mail,
 * token and id, and reveals the pick in the tree. With a `query` argument it
 * reveals the first match without asking (automation, tests).
 */
export async function findSubaccount(
  deps: FindDeps,
  accountArg?: unknown,
  query?: unknown,
): Promise<SubaccountTarget | undefined> {
  // While the user chooses the account, every candidate's list starts to arrive; the
  // others stop at the pick (what they read stays, for a later search).
  const early = new AbortController();
  const candidates = deps.sessions.all.filter((s) => s.client);
  if (accountArg === undefined && typeof query !== 'string' && candidates.length > 1) {
    for (const candidate of candidates) {
      void candidate.subaccountIndex.load(early.signal);
    }
  }
  // Lives as long as the search's QuickPick: closing it stops the reading.
  const search = new AbortController();
  let session: AccountSession | undefined;
  try {
    session = await resolveAccount(deps.sessions, accountArg, {
      title: vscode.l10n.t('Find Sub-account'),
      usable: true,
    });
    // The chosen account's reading carries on under the search's signal before the others stop.
    if (session && typeof query !== 'string') {
      void session.subaccountIndex.load(search.signal);
    }
  } finally {
    early.abort();
  }
  if (!session) {
    search.abort();
    return undefined;
  }
  const index = session.subaccountIndex;
  if (typeof query === 'string') {
    await index.load();
    const found = index.entries.find((e) => matchesSubaccount(e.subaccount, query));
    return found ? deps.reveal(session, found) : undefined;
  }
  const placed = await pickSubaccount(session, deps.sessions.forService(session.service).length > 1, search);
  return placed ? deps.reveal(session, placed) : undefined;
}

/** Seconds shown as "about N s left" once a reading will take a while. */
const SHOW_TIME_LEFT_FROM_MS = 3000;

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

function pickSubaccount(
  session: AccountSession,
  named: boolean,
  abort: AbortController,
): Promise<PlacedSubaccount | undefined> {
  const index = session.subaccountIndex;
  const locale = vscode.env.language;
  const label = named ? `${SERVICES[session.service].label} · ${session.name}` : SERVICES[session.service].label;
  const pick = vscode.window.createQuickPick<FindItem>();
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
  let shown: { entries: readonly PlacedSubaccount[] | undefined; filter: string } = { entries: undefined, filter: '' };
  const refill = () => {
    const entries = index.entries;
    // With thousands of rows, only those that could match what is typed cross to the
    // workbench: sending 10,000 items at each refill is what made a search slow.
    const filter = entries.length > PREFILTER_FROM ? pick.value.trim().toLowerCase() : '';
    if (entries !== shown.entries || filter !== shown.filter) {
      // Keeps the highlighted row where the user put it while rows are added or read again.
      const active = pick.activeItems[0]?.placed.subaccount.id;
      const items = entries.map(itemFor);
      pick.items = filter ? items.filter((i) => matches(i, filter)) : items;
      shown = { entries, filter };
      const again = active === undefined ? undefined : pick.items.find((i) => i.placed.subaccount.id === active);
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
      chosen = pick.selectedItems[0]?.placed;
      if (chosen) {
        pick.hide();
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
