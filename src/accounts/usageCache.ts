import type { CostRange, MonthUsage } from '../api';
import { costRangeKey } from '../api/costResume';

export interface UsageReading {
  readonly months: readonly MonthUsage[];
  readonly readAt: Date;
}

/**
 * Sending statistics already read, per account and range, in memory only: the provider
 * allows 5 `statistics/cost-resume` a minute, so a range read once is shown again
 * without a request until the user asks to read it again (or the account changes).
 */
export class UsageCache {
  private readonly byAccount = new Map<string, Map<string, UsageReading>>();

  get(accountId: string, range: CostRange): UsageReading | undefined {
    return this.byAccount.get(accountId)?.get(costRangeKey(range));
  }

  set(accountId: string, range: CostRange, reading: UsageReading): void {
    let ranges = this.byAccount.get(accountId);
    if (!ranges) {
      ranges = new Map();
      this.byAccount.set(accountId, ranges);
    }
    ranges.set(costRangeKey(range), reading);
  }

  /** The account's key or API URL changed, or it was removed: its readings belong to another account. */
  forget(accountId: string): void {
    this.byAccount.delete(accountId);
  }
}
