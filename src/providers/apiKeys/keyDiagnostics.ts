import * as vscode from 'vscode';
import { SERVICES } from '../../api';
import { KeyMatcher, type KeyOwner } from '../../accounts/keyMatcher';

export const KEY_DIAGNOSTIC_SOURCE = 'Partner Explorer';
export const KEY_DIAGNOSTIC_CODE = 'api-key-in-file';
export const KEYS_IN_FILES_SETTING = 'partnerExplorer.apiKeysInFiles.enabled';
/** Files and documents above this are not searched (generated or data files, not code). */
export const MAX_SEARCHED_BYTES = 1024 * 1024;
/** One of this check's diagnostics (what the quick fixes act on). */
export const isKeyDiagnostic = (d: vscode.Diagnostic) =>
  d.source === KEY_DIAGNOSTIC_SOURCE && d.code === KEY_DIAGNOSTIC_CODE;
const SCHEMES = new Set(['file', 'untitled', 'vscode-remote', 'vscode-vfs']);
const DEBOUNCE_MS = 300;

export interface HeldKeys {
  /** Every key the extension holds now, with whose it is (read when needed, never kept). */
  readonly keys: () => Iterable<{ readonly key: string; readonly owner: KeyOwner }>;
  /** Fires when keys may have come, gone or been renamed. */
  readonly onDidChange: vscode.Event<void>;
}

interface Finding {
  readonly range: vscode.Range;
  readonly owner: KeyOwner;
}

const readEnabled = () => vscode.workspace.getConfiguration().get<unknown>(KEYS_IN_FILES_SETTING, true) !== false;

/** The position of `offset` in `text`, for files read from disk (no TextDocument). */
function positionIn(text: string, offset: number): vscode.Position {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  let line = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
  }
  return new vscode.Position(line, offset - lineStart);
}

/**
 * An Error on each known API key written in a document, when it is opened, changed or
 * saved, and in the files the workspace scan read; the message names the account, never
 * the key. The keys are compared through a `KeyMatcher` (hashes), rebuilt when they change.
 */
export class KeyDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('partnerExplorer.apiKeys');
  private readonly findings = new Map<string, Finding[]>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly subscriptions: vscode.Disposable[];
  private matcherValue: KeyMatcher | undefined;
  private signature = '';
  private enabledValue = readEnabled();

  /** `found`: called when a key is marked (what its quick fixes need can load then, not on Ctrl+.). */
  constructor(
    private readonly held: HeldKeys,
    private readonly found: () => void = () => undefined,
  ) {
    this.subscriptions = [
      vscode.workspace.onDidOpenTextDocument((d) => this.check(d)),
      vscode.workspace.onDidSaveTextDocument((d) => this.check(d)),
      vscode.workspace.onDidChangeTextDocument((e) => this.schedule(e.document)),
      vscode.workspace.onDidCloseTextDocument((d) => d.uri.scheme === 'untitled' && this.forget(d.uri)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(KEYS_IN_FILES_SETTING)) {
          this.enabledValue = readEnabled();
          this.recheck();
        }
      }),
      held.onDidChange(() => this.keysChanged()),
    ];
    // The documents open at startup are checked right after activation, not during it: their
    // text (up to 1 MB each) and the keys' hashes are no part of what activation costs.
    const first = setTimeout(() => this.recheck(), 0);
    this.subscriptions.push({ dispose: () => clearTimeout(first) });
  }

  /** Read once per change of the setting: the scan asks for every file. */
  get enabled(): boolean {
    return this.enabledValue;
  }

  /** The matcher for the keys held now. */
  matcher(): KeyMatcher {
    this.matcherValue ??= new KeyMatcher(this.held.keys());
    return this.matcherValue;
  }

  /** Whose keys are written in this range of this file, as last checked. */
  ownersAt(uri: vscode.Uri, range: vscode.Range): KeyOwner[] {
    return (this.findings.get(uri.toString()) ?? []).filter((f) => f.range.intersection(range)).map((f) => f.owner);
  }

  /** Checks an open document now. */
  check(doc: vscode.TextDocument): void {
    if (!SCHEMES.has(doc.uri.scheme) || doc.isClosed) {
      return;
    }
    const text = this.enabled ? doc.getText() : '';
    this.show(doc.uri, text.length > MAX_SEARCHED_BYTES ? '' : text, (offset) => doc.positionAt(offset));
  }

  /** Shows what is in a file's text (read by the scan); the number of keys found. */
  showFile(uri: vscode.Uri, text: string): number {
    return this.show(uri, text, (offset) => positionIn(text, offset));
  }

  /** Forgets every finding outside these documents (a new scan starts). */
  clearFiles(): void {
    const open = new Set(vscode.workspace.textDocuments.map((d) => d.uri.toString()));
    for (const uri of [...this.findings.keys()].filter((u) => !open.has(u))) {
      this.forget(vscode.Uri.parse(uri));
    }
  }

  dispose(): void {
    this.timers.forEach((t) => clearTimeout(t));
    this.subscriptions.forEach((d) => d.dispose());
    this.collection.dispose();
  }

  private show(uri: vscode.Uri, text: string, at: (offset: number) => vscode.Position): number {
    // Off: nothing is marked, whoever read the text (a scan under way, a re-read of a marked file).
    const found = text && this.enabled ? this.matcher().find(text) : [];
    if (found.length === 0) {
      this.forget(uri);
      return 0;
    }
    const findings = found.map((f) => ({
      range: new vscode.Range(at(f.offset), at(f.offset + f.length)),
      owner: f.owner,
    }));
    this.findings.set(uri.toString(), findings);
    this.found();
    this.collection.set(
      uri,
      findings.map(({ range, owner }) => {
        const d = new vscode.Diagnostic(
          range,
          vscode.l10n.t(
            'This is the API key of {0} account {1}. Anyone who reads this file can send at your expense.',
            SERVICES[owner.service].label,
            owner.name,
          ),
          vscode.DiagnosticSeverity.Error,
        );
        d.source = KEY_DIAGNOSTIC_SOURCE;
        d.code = KEY_DIAGNOSTIC_CODE;
        return d;
      }),
    );
    return found.length;
  }

  private forget(uri: vscode.Uri): void {
    this.findings.delete(uri.toString());
    this.collection.delete(uri);
  }

  private schedule(doc: vscode.TextDocument): void {
    // The output channels change with every log line: only the user's files are watched, and
    // nothing while the check is off (turning it off cleared every mark).
    if (!SCHEMES.has(doc.uri.scheme) || !this.enabled) {
      return;
    }
    const key = doc.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        this.check(doc);
      }, DEBOUNCE_MS),
    );
  }

  private keysChanged(): void {
    const matcher = new KeyMatcher(this.held.keys());
    const signature = matcher.signature();
    this.matcherValue = matcher;
    if (signature !== this.signature) {
      this.signature = signature;
      this.recheck();
    }
  }

  /** Open documents, and the files an earlier scan marked (read again), against the keys held now. */
  private recheck(): void {
    const open = new Set<string>();
    for (const doc of vscode.workspace.textDocuments) {
      open.add(doc.uri.toString());
      this.check(doc);
    }
    for (const uri of [...this.findings.keys()].filter((u) => !open.has(u)).map((u) => vscode.Uri.parse(u))) {
      if (!this.enabled) {
        this.forget(uri);
        continue;
      }
      vscode.workspace.fs.readFile(uri).then(
        (bytes) => this.showFile(uri, new TextDecoder().decode(bytes)),
        () => this.forget(uri),
      );
    }
  }
}
