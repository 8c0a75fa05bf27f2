import type { FieldError } from './errors.ts';
import { schemaWords } from './http/validationMessages.ts';
import { toPointer } from './validation.ts';

/**
 * What no text input may hold, whatever its schema says: NUL, which PostgreSQL refuses in text
 * and JSON columns, and an unpaired UTF-16 surrogate (`\uD800` alone), which is not Unicode and
 * cannot be written as UTF-8. Both would fail at the database as a 500; refused at the boundary
 * they are a 400 naming the field.
 */
export function textProblem(text: string): string | undefined {
  const fault = textFault(text);
  return fault && schemaWords(fault === 'nul' ? 'noNul' : 'noLoneSurrogate').message;
}

function textFault(text: string): 'nul' | 'surrogate' | undefined {
  if (text.includes('\u0000')) return 'nul';
  if (!text.isWellFormed()) return 'surrogate';
  return undefined;
}

const mostErrors = 20;

/** textProblem as a code the web words (`text.nul`, `text.surrogate`, `text.key-nul`, …). */
const textCode = (text: string, key: boolean) =>
  `text.${key ? 'key-' : ''}${text.includes('\u0000') ? 'nul' : 'surrogate'}`;

/**
 * Every string (and object key) in parsed input that breaks `textProblem`, by JSON pointer
 * below `base` (`['body']` for an HTTP body). Walks objects (a parsed query string has no
 * Object prototype) and arrays; a Buffer or a Date is not text.
 */
export function badTextFields(value: unknown, base: readonly PropertyKey[] = []): FieldError[] {
  const errors: FieldError[] = [];
  // One path, pushed and popped: a batch of commits is millions of strings, and a new array per
  // value cost more than the checks themselves.
  const path: PropertyKey[] = [...base];
  const walk = (v: unknown) => {
    if (errors.length >= mostErrors) return;
    if (typeof v === 'string') {
      const problem = textProblem(v);
      if (problem)
        errors.push({ pointer: toPointer(path), message: problem, code: textCode(v, false) });
      return;
    }
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        const item: unknown = v[i];
        // A column of strings (a batch of commits) checked without a call or a path per value.
        if (typeof item === 'string' && textFault(item) === undefined) continue;
        path.push(i);
        walk(item);
        path.pop();
      }
      return;
    }
    if (v === null || typeof v !== 'object' || ArrayBuffer.isView(v) || v instanceof Date) return;
    for (const [key, item] of Object.entries(v)) {
      const fault = textFault(key);
      // A bad key cannot be written in a pointer as it is: name its parent.
      if (fault)
        errors.push({
          pointer: toPointer(path),
          message: schemaWords(fault === 'nul' ? 'fieldNameNoNul' : 'fieldNameNoLoneSurrogate')
            .message,
          code: textCode(key, true),
        });
      else {
        path.push(key);
        walk(item);
        path.pop();
      }
    }
  };
  walk(value);
  return errors;
}
