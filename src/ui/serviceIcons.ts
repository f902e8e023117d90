import type { ServiceId } from '../api';

/** The codicon each service shows with, in the tree, the status bar and pickers. */
export const SERVICE_ICON: Readonly<Record<ServiceId, string>> = { sms: 'comment', mail: 'mail' };
