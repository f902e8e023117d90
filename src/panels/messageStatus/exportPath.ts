import { homedir } from 'node:os';
import { join } from 'node:path';
import type { ServiceId } from '../../api';

/**
 * The name proposed for a message's (or a tag's) export. A tag is the user's text:
 * anything but letters, digits, `.`, `_` and `-` becomes `_` (no path, no device name).
 */
export function exportFileName(service: ServiceId, messageId: string, subject: 'message' | 'tag' = 'message'): string {
  return subject === 'tag'
    ? `tag-${service}-${messageId.replace(/[^\p{L}\p{N}._-]/gu, '_')}.csv`
    : `message-${service}-${messageId}.csv`;
}

/**
 * The proposed file's path: in the workspace folder when one is open, else in the
 * home folder. A bare file name is the root of the disk, where the user usually
 * cannot write.
 */
export function exportPath(folder: string | undefined, fileName: string, home = homedir()): string {
  return join(folder ?? home, fileName);
}
