import type * as vscode from 'vscode';

/** globalState's contract, in memory (values copied as JSON, as VS Code stores them); update(key, undefined) removes the key. */
export class MemoryMemento implements vscode.Memento {
  readonly values = new Map<string, unknown>();

  keys(): readonly string[] {
    return [...this.values.keys()];
  }

  get<T>(key: string, fallback?: T): T | undefined {
    return this.values.has(key) ? (this.values.get(key) as T) : fallback;
  }

  async update(key: string, value: unknown): Promise<void> {
    if (value === undefined) {
      this.values.delete(key);
    } else {
      this.values.set(key, JSON.parse(JSON.stringify(value)));
    }
  }

  /** Everything stored, as text. */
  dump(): string {
    return JSON.stringify([...this.values]);
  }
}
