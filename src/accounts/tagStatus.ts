import type { MessageStatus, RecipientStatus, TagStatusPage } from '../api';

/** Where a tag's pages come from (an SMS account's session). */
export interface TagPageSource {
  getStatusByTag(tag: string, page: number, signal?: AbortSignal): Promise<TagStatusPage>;
}

/**
 * At most this many pages are read for one tag (20 recipients a page in the emulator;
 * the docs give no page size): a bound on requests whatever the provider answers.
 */
export const MAX_TAG_PAGES = 250;

export interface TagProgress {
  readonly page: number;
  readonly loaded: number;
  readonly total?: number;
}

/**
 * Every page of a tag's recipients, one after the other (the pacer spaces them), as a
 * status reading. Stops at the total the first page gives, at an empty page, at a page
 * that is not the one asked (a provider that ignores `page` would repeat page 1
 * forever), or at `MAX_TAG_PAGES`; `truncated` says when rows may be missing.
 */
export async function readTagStatus(
  source: TagPageSource,
  tag: string,
  signal?: AbortSignal,
  onProgress?: (progress: TagProgress) => void,
): Promise<MessageStatus & { readonly truncated: boolean }> {
  const recipients: RecipientStatus[] = [];
  let total: number | undefined;
  for (let page = 1; page <= MAX_TAG_PAGES; page++) {
    const answer = await source.getStatusByTag(tag, page, signal);
    if (answer.page !== page && page > 1) {
      return { messageId: tag, recipients, truncated: total === undefined || recipients.length < total };
    }
    total ??= answer.total;
    recipients.push(...answer.recipients);
    onProgress?.({ page, loaded: recipients.length, total });
    if (answer.recipients.length === 0 || (total !== undefined && recipients.length >= total)) {
      return { messageId: tag, recipients, truncated: false };
    }
  }
  return { messageId: tag, recipients, truncated: true };
}
