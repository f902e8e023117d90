import type { Subaccount } from '../api';
import { maskRecipient } from '../ui/personalData';
import type { Translate } from '../ui/translate';
import { formatCount, formatDateTime, formatMoney } from '../ui/localeFormat';

export interface SubaccountMatches {
  readonly title: string;
  readonly matches: readonly Subaccount[];
  /** Sub-accounts searched (the whole list). */
  readonly searched: number;
  readonly maxResults: number;
  readonly readAt: Date | undefined;
  readonly sharePersonalData: boolean;
}

/**
 * The find tool's answer: each match's id, e-mail (masked unless shared), token,
 * type, balance and creation date. Never the sub-account's API key.
 */
export function subaccountMatchText(source: SubaccountMatches, t: Translate, locale: string): string {
  const { matches } = source;
  const readAt = source.readAt ? formatDateTime(source.readAt, locale) : '';
  const head = `${source.title}: ${t(
    '{0} of {1} sub-accounts match (list read at {2}).',
    formatCount(matches.length, locale),
    formatCount(source.searched, locale),
    readAt,
  )}`;
  const lines = [head];
  for (const s of matches.slice(0, source.maxResults)) {
    const fields = [
      `#${s.id}`,
      source.sharePersonalData ? s.email : maskRecipient(s.email),
      s.token ? t('token {0}', s.token) : undefined,
      s.type,
      t('balance {0}', formatMoney(s.balance, locale)),
      s.createdAt || s.createdAtText
        ? t('created {0}', formatDateTime(s.createdAt, locale, s.createdAtText ?? ''))
        : undefined,
    ].filter((f): f is string => !!f);
    lines.push(`- ${fields.join(' · ')}`);
  }
  if (matches.length > source.maxResults) {
    lines.push(
      t(
        '{0} more not shown: search with more of the e-mail, the token or the id.',
        formatCount(matches.length - source.maxResults, locale),
      ),
    );
  }
  if (matches.length > 0 && !source.sharePersonalData) {
    lines.push(
      t('E-mails are masked: the setting partnerExplorer.tools.sharePersonalData is off or personal data is hidden.'),
    );
  }
  return lines.join('\n');
}
