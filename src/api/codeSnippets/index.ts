import { curlSnippet } from './curlSnippet';
import { goSnippet } from './goSnippet';
import { nodeSnippet } from './nodeSnippet';
import { phpSnippet } from './phpSnippet';
import { pythonSnippet } from './pythonSnippet';
import { resolve, type Resolved, type SnippetInput } from './snippetInput';

export type { SnippetInput } from './snippetInput';

/** Every language Copy as Code offers: its name, and the editor language of its snippet. */
export const SNIPPET_LANGUAGES = {
  curl: { label: 'curl', languageId: 'shellscript', write: curlSnippet },
  javascript: { label: 'JavaScript (Node 18+ fetch)', languageId: 'javascript', write: nodeSnippet },
  python: { label: 'Python (requests)', languageId: 'python', write: pythonSnippet },
  php: { label: 'PHP (curl)', languageId: 'php', write: phpSnippet },
  go: { label: 'Go (net/http)', languageId: 'go', write: goSnippet },
} as const satisfies Record<string, { label: string; languageId: string; write: (r: Resolved) => string }>;

export type SnippetLanguage = keyof typeof SNIPPET_LANGUAGES;

export function isSnippetLanguage(value: unknown): value is SnippetLanguage {
  return typeof value === 'string' && Object.hasOwn(SNIPPET_LANGUAGES, value);
}

/** The request as code in `language`: the key read from its environment variable, never written. */
export function codeSnippet(language: SnippetLanguage, input: SnippetInput): string {
  return SNIPPET_LANGUAGES[language].write(resolve(input));
}
