import type { StatusViewData } from '../../webview/messageStatusProtocol';

/** Hide personal data, one switch for every view: the setting, read and changed. */
export interface PersonalDataSwitch {
  hidden(): boolean;
  setHidden(hidden: boolean): Promise<void>;
}

/** The reading as a webview gets it while personal data is hidden: each recipient already masked. */
export function masked(data: StatusViewData): StatusViewData {
  return { ...data, rows: data.rows.map((r) => ({ ...r, recipient: r.masked })) };
}
