import { hidePersonalDataSetting } from '../settings/personalDataSettings';
import { maskRecipient } from './personalData';

/** How a number is shown: masked while *Hide personal data* is on. */
export function shownNumber(e164: string): string {
  return hidePersonalDataSetting() ? maskRecipient(e164) : e164;
}
