// Why a file of levels/ could not be listed in the catalog (tools/scenario-catalog.ts, when the
// game is built): each problem's English sentence and its message code (locales/<lang>/errors.json),
// so that the menu says it in the player's language. The JSON parser's words and the file and
// field names are technical details, kept as values.
import type { ProblemMessage } from '../sim/types.ts';

export interface CatalogProblemText {
  message: string;
  msg: ProblemMessage;
}

/** What a field should be, as the catalog checks it. */
export type FieldKind = 'text' | 'date' | 'whole' | 'roles' | 'whatIfs';

const KIND_WORDS: Record<FieldKind, string> = {
  text: 'a text',
  date: 'a date',
  whole: 'a whole number',
  roles: 'a list of roles',
  whatIfs: 'a list of what-ifs with id, label and description',
};

export const notJson = (detail: string): CatalogProblemText => ({ message: `not readable JSON (${detail})`, msg: { key: 'errors.catalog.notJson', values: { detail } } });

export const notObject = (): CatalogProblemText => ({ message: 'not a JSON object', msg: { key: 'errors.catalog.notObject', values: {} } });

/** Fields missing or of the wrong type, in the file's order: "a, b, c" as a chain of messages. */
export function missingFields(fields: readonly { name: string; kind: FieldKind }[]): CatalogProblemText {
  const one = (f: { name: string; kind: FieldKind }): ProblemMessage => ({ key: 'errors.catalog.field', values: { name: f.name, kind: f.kind } });
  const list = (rest: readonly { name: string; kind: FieldKind }[]): ProblemMessage =>
    rest.length === 1 ? one(rest[0] as { name: string; kind: FieldKind }) : { key: 'errors.catalog.list', values: { first: one(rest[0] as { name: string; kind: FieldKind }), rest: list(rest.slice(1)) } };
  return {
    message: `cannot be listed: ${fields.map((f) => `"${f.name}" (${KIND_WORDS[f.kind]})`).join(', ')} missing or of the wrong type`,
    msg: { key: 'errors.catalog.missing', values: { fields: list(fields) } },
  };
}

export const idUsed = (id: string, file: string): CatalogProblemText => ({ message: `its id "${id}" is already used by ${file}`, msg: { key: 'errors.catalog.idUsed', values: { id, file } } });

export const mapNoId = (): CatalogProblemText => ({ message: 'cannot be listed: "id" missing or not a text', msg: { key: 'errors.catalog.mapNoId', values: {} } });

/** A problem as the menu shows it: the file, then why. */
export const problemLine = (file: string, why: ProblemMessage): ProblemMessage => ({ key: 'errors.catalog.problem', values: { file, why } });
