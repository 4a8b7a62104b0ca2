// Problems told to the player as message codes (locales/<lang>/errors.json): an Error that
// carries its code beside its English message, and how to get the code of any error caught.
import type { ProblemMessage } from './sim-types.ts';

export type { ProblemMessage } from './sim-types.ts';

/** An error whose `message` (English, unchanged) has a message code `msg` for the screens. */
export class ProblemError extends Error {
  constructor(
    message: string,
    readonly msg: ProblemMessage,
  ) {
    super(message);
    this.name = 'ProblemError';
  }
}

/** A message of its own. */
export const problem = (key: string, values: ProblemMessage['values'] = {}): ProblemMessage => ({ key, values });

/**
 * The code of an error caught: its `msg` when it has one (ProblemError, ScenarioLoadError),
 * else its English message as a detail ("errors.text", shown as it is).
 */
export function problemOf(error: unknown): ProblemMessage {
  const msg = (error as { msg?: unknown } | null)?.msg;
  if (msg && typeof msg === 'object' && typeof (msg as ProblemMessage).key === 'string') return msg as ProblemMessage;
  return { key: 'errors.text', values: { text: error instanceof Error ? error.message : String(error) } };
}
