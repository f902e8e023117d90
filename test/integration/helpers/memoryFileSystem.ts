import * as vscode from 'vscode';

/**
 * A file system kept in memory under its own scheme, registered in the extension host as a
 * remote or virtual workspace's is (`vscode-remote`, `vscode-vfs`): the extension reaches it
 * only through `vscode.workspace.fs` and URIs. A folder named `readonly` refuses writes.
 */
export class MemoryFileSystem implements vscode.FileSystemProvider {
  readonly files = new Map<string, Uint8Array>();
  private readonly folders = new Set<string>(['/']);
  private readonly emitter = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.emitter.event;
  private readonly registration: vscode.Disposable;

  constructor(readonly scheme: string) {
    this.registration = vscode.workspace.registerFileSystemProvider(scheme, this, { isCaseSensitive: true });
  }

  uri(path: string): vscode.Uri {
    return vscode.Uri.from({ scheme: this.scheme, path });
  }

  mkdir(path: string): void {
    this.folders.add(path);
  }

  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }

  stat(uri: vscode.Uri): vscode.FileStat {
    const file = this.files.get(uri.path);
    if (file) {
      return { type: vscode.FileType.File, ctime: 0, mtime: 0, size: file.byteLength };
    }
    if (this.folders.has(uri.path)) {
      return { type: vscode.FileType.Directory, ctime: 0, mtime: 0, size: 0 };
    }
    throw vscode.FileSystemError.FileNotFound(uri);
  }

  readDirectory(uri: vscode.Uri): [string, vscode.FileType][] {
    const prefix = uri.path.endsWith('/') ? uri.path : `${uri.path}/`;
    return [...this.files.keys()]
      .filter((p) => p.startsWith(prefix) && !p.slice(prefix.length).includes('/'))
      .map((p): [string, vscode.FileType] => [p.slice(prefix.length), vscode.FileType.File]);
  }

  createDirectory(uri: vscode.Uri): void {
    this.folders.add(uri.path);
  }

  readFile(uri: vscode.Uri): Uint8Array {
    const file = this.files.get(uri.path);
    if (!file) {
      throw vscode.FileSystemError.FileNotFound(uri);
    }
    return file;
  }

  writeFile(uri: vscode.Uri, content: Uint8Array): void {
    const folder = uri.path.slice(0, uri.path.lastIndexOf('/')) || '/';
    if (folder.split('/').includes('readonly')) {
      throw vscode.FileSystemError.NoPermissions(uri);
    }
    if (!this.folders.has(folder)) {
      throw vscode.FileSystemError.FileNotFound(uri);
    }
    const created = !this.files.has(uri.path);
    this.files.set(uri.path, content);
    this.emitter.fire([{ type: created ? vscode.FileChangeType.Created : vscode.FileChangeType.Changed, uri }]);
  }

  delete(uri: vscode.Uri): void {
    this.files.delete(uri.path);
    this.emitter.fire([{ type: vscode.FileChangeType.Deleted, uri }]);
  }

  rename(from: vscode.Uri, to: vscode.Uri): void {
    const file = this.readFile(from);
    this.files.delete(from.path);
    this.files.set(to.path, file);
  }

  dispose(): void {
    this.registration.dispose();
    this.emitter.dispose();
  }
}
