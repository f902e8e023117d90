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
 * Where the save dialog proposes the file: in the workspace folder, whatever file system
 * it is on; with none, in `home` (a local window's home folder); with neither, nowhere,
 * the dialog starting where it does. A bare file name is the root of the disk, where the
 * user usually cannot write. Generic over the location type: `join` appends a name.
 */
export function exportLocation<L>(
  fileName: string,
  folder: L | undefined,
  home: L | undefined,
  join: (location: L, name: string) => L,
): L | undefined {
  const base = folder ?? home;
  return base === undefined ? undefined : join(base, fileName);
}
