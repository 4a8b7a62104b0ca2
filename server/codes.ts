// Join codes and seat tokens. A join code is six letters from an alphabet without look-alikes
// (no I/L/O/U… nor digits): 20^6 = 64 million codes, so with the join rate limit (rooms.ts) a
// code cannot be found by trying them.
import { randomBytes, randomInt } from 'node:crypto';

export const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTWXY';
export const CODE_LENGTH = 6;
export const CODE_PATTERN = /^[ABCDEFGHJKMNPQRSTWXY]{6}$/;

export function newJoinCode(): string {
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

/** What a person types, made into a code: upper case, spaces and dashes dropped. */
export function normaliseCode(text: string): string {
  return text.toUpperCase().replace(/[\s-]/g, '');
}

/** A secret that lets a person take their seat back (kept by the browser). */
export function newToken(): string {
  return randomBytes(18).toString('base64url');
}

export function newTableId(): string {
  return `t-${randomBytes(9).toString('base64url')}`;
}
