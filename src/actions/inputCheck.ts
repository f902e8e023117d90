import type { Translate } from '../ui/translate';

/**
 * The subset of JSON Schema the tools' inputs and the action commands' arguments use,
 * checked at run time before any request: VS Code does not promise to check what a model
 * sends, and `executeCommand` from another extension or a command link may pass anything.
 * Each tool declares its schema once (`package.json` carries the same object, a unit test
 * compares them); each action command in `commandArgs.ts`.
 */
export type PropertySchema =
  | {
      readonly type: 'string';
      readonly description?: string;
      readonly minLength?: number;
      readonly maxLength: number;
      readonly enum?: readonly string[];
    }
  | { readonly type: 'integer'; readonly description?: string; readonly minimum: number; readonly maximum: number }
  | { readonly type: 'boolean'; readonly description?: string }
  | {
      readonly type: 'array';
      readonly description?: string;
      readonly items: { readonly type: 'string'; readonly minLength: number; readonly maxLength: number };
      readonly minItems: number;
      readonly maxItems: number;
    };

export interface InputSchema {
  readonly type: 'object';
  readonly properties: Readonly<Record<string, PropertySchema>>;
  readonly required?: readonly string[];
  readonly additionalProperties: false;
}

export type InputCheck<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: string };

/**
 * Whose input it is. A model's (`tool`) is forgiven what models often do: `""` for "none",
 * a choice with spaces around it. A command's (`command`) is code: a choice must be exactly
 * one of the values (a send's `mode` is `'real'` or `'sandbox'`, never `'Real'` or `true`).
 */
export type InputSubject = 'tool' | 'command';

/**
 * Checks `input` against `schema`: every problem in one sentence each, in the
 * user's language, naming the field.
 */
export function checkInput<T>(
  schema: InputSchema,
  input: unknown,
  t: Translate,
  subject: InputSubject = 'tool',
): InputCheck<T> {
  const command = subject === 'command';
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return {
      ok: false,
      problem: command ? t('The command arguments must be an object.') : t('The tool input must be a JSON object.'),
    };
  }
  const given = input as Record<string, unknown>;
  const problems: string[] = [];
  const value: Record<string, unknown> = {};
  for (const name of Object.keys(given)) {
    if (!Object.hasOwn(schema.properties, name)) {
      problems.push(command ? t('Unknown argument "{0}".', name) : t('Unknown input field "{0}".', name));
    }
  }
  for (const [name, property] of Object.entries(schema.properties)) {
    const raw = Object.hasOwn(given, name) ? given[name] : undefined;
    const required = schema.required?.includes(name) === true;
    const empty = !command && property.type === 'string' && raw === '' && !required;
    if (raw === undefined || raw === null || empty) {
      if (required) {
        problems.push(
          command ? t('The argument "{0}" is required.', name) : t('The input field "{0}" is required.', name),
        );
      }
      continue;
    }
    const problem = checkValue(name, property, raw, t, command);
    if (typeof problem === 'string') {
      problems.push(problem);
    } else {
      value[name] = problem.value;
    }
  }
  return problems.length > 0 ? { ok: false, problem: problems.join(' ') } : { ok: true, value: value as T };
}

/** One given value against its property: the same check per type for tools and commands, in their words. */
function checkValue(
  name: string,
  property: PropertySchema,
  raw: unknown,
  t: Translate,
  command: boolean,
): string | { value: unknown } {
  switch (property.type) {
    case 'string':
      return command ? exactText(name, property, raw, t) : forgivingText(name, property, raw, t);
    case 'integer':
      return wholeNumber(name, property, raw, t, command);
    case 'boolean':
      return trueOrFalse(name, raw, t, command);
    case 'array':
      // No command takes a list: commands take text, as typed in their input boxes.
      return command ? t('The argument "{0}" must be text.', name) : textList(name, property, raw, t);
  }
}

type Property<K extends PropertySchema['type']> = Extract<PropertySchema, { readonly type: K }>;

/** A model's text: a choice compared trimmed; free text (an SMS) keeps its spaces, they are counted. */
function forgivingText(name: string, property: Property<'string'>, raw: unknown, t: Translate) {
  if (typeof raw !== 'string') {
    return t('The input field "{0}" must be text.', name);
  }
  const text = raw.trim();
  if (text.length < (property.minLength ?? 0)) {
    return t('The input field "{0}" must not be empty.', name);
  }
  if (raw.length > property.maxLength) {
    return t('The input field "{0}" must be at most {1} characters long.', name, property.maxLength);
  }
  if (property.enum && !property.enum.includes(text)) {
    return t('The input field "{0}" must be one of: {1}.', name, property.enum.join(', '));
  }
  return { value: property.enum ? text : raw };
}

/** A command's text: compared exactly (nothing trimmed, no choice guessed). */
function exactText(name: string, property: Property<'string'>, raw: unknown, t: Translate) {
  // A choice names its values whatever was given instead (`true` for a mode).
  if (property.enum && (typeof raw !== 'string' || !property.enum.includes(raw))) {
    return t('The argument "{0}" must be exactly one of: {1}.', name, property.enum.map((v) => `'${v}'`).join(', '));
  }
  if (typeof raw !== 'string') {
    return t('The argument "{0}" must be text.', name);
  }
  if (raw.length > property.maxLength || raw.trim().length < (property.minLength ?? 0)) {
    return t(
      'The argument "{0}" must be text of {1} to {2} characters.',
      name,
      property.minLength ?? 0,
      property.maxLength,
    );
  }
  return { value: raw };
}

function wholeNumber(name: string, property: Property<'integer'>, raw: unknown, t: Translate, command: boolean) {
  if (typeof raw === 'number' && Number.isInteger(raw) && raw >= property.minimum && raw <= property.maximum) {
    return { value: raw };
  }
  const { minimum, maximum } = property;
  return command
    ? t('The argument "{0}" must be a whole number from {1} to {2}.', name, minimum, maximum)
    : t('The input field "{0}" must be a whole number from {1} to {2}.', name, minimum, maximum);
}

function trueOrFalse(name: string, raw: unknown, t: Translate, command: boolean) {
  if (typeof raw === 'boolean') {
    return { value: raw };
  }
  return command
    ? t('The argument "{0}" must be true or false.', name)
    : t('The input field "{0}" must be true or false.', name);
}

/** A model's list of texts, each trimmed. */
function textList(name: string, property: Property<'array'>, raw: unknown, t: Translate) {
  const items = property.items;
  const fits = (v: unknown) =>
    typeof v === 'string' && v.trim().length >= items.minLength && v.length <= items.maxLength;
  if (!Array.isArray(raw) || raw.length < property.minItems || raw.length > property.maxItems || !raw.every(fits)) {
    return t('The input field "{0}" must be a list of {1} to {2} texts.', name, property.minItems, property.maxItems);
  }
  return { value: (raw as string[]).map((v) => v.trim()) };
}
