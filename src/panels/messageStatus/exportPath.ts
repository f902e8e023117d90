import { homedir } from 'node:os';
import { join } from 'node:path';
import type { ServiceId } from '../../api';

/** The name proposed for a message's export. */
export function exportFileName(service: ServiceId, messageId: string): string {
  return `message-${service}-${messageId}.csv`;
}

/**
 * The proposed file's path: in the workspace folder when one is open, else in the
 * home folder. A bare file name is the root of the disk, where the user usually
 * cannot write.
 */
export function exportPath(folder: string | undefined, fileName: string, home = homedir()): string {
  return join(folder ?? home, fileName);
}
