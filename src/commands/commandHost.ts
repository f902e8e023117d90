import type { ActionHost } from '../accounts/actionPath';
import { errorText } from '../ui/errorText';
import { showError, showInfo, showWarning, withNotificationProgress } from '../ui/notifications';

/** The modal a command asks before an action: true to go on (the table's is `showWarning` with `modal`). */
export type Confirm = (message: string, detail: string, action: string) => Promise<boolean>;

/**
 * How the account's action path shows itself for a command: the modal given, a progress
 * notification, and each outcome said once (busy as information, an unknown outcome as a
 * warning, a refusal as an error).
 */
export function commandHost(confirm: Confirm): ActionHost {
  return {
    confirm,
    progress: (title, task) => Promise.resolve(withNotificationProgress({ title }, task)),
    say: (outcome, text) => {
      if (text === undefined) {
        return;
      }
      if (outcome === 'busy') {
        void showInfo(text);
      } else if (outcome === 'unknown') {
        void showWarning(text);
      } else {
        void showError(text);
      }
    },
    reason: errorText,
  };
}
