// Problems with what the player brings in (a saved game, a replay file, a share link, a
// scenario that will not load) in the player's language. The code that finds a problem writes a
// message code (ProblemMessage: a key of locales/<lang>/errors.json and its values; the sim core
// writes nothing else, code outside it may keep an English sentence for its logs); this module
// tells the code.
//
// Value conventions (ProblemMessage in src/sim/types.ts):
//   scenario*   a scenario id: its title as the menu shows it (in the player's language);
//               an id the catalogue does not list is shown as it is
//   a message   (an object) another problem, told first and put in its place; a message of
//               another namespace (an order's problem, orders.… or report.…: OrderProblem.msg)
//               is told by the report's teller (src/ui/report-text.ts, its value conventions)
//   anything else — ids as the file or the link wrote them (roles, orders, what-ifs), numbers,
//               a JSON path, a byte position, a file name, the validator's words — as it is
// "errors.text" ({text}) holds an English sentence the code had no code for (an error from
// elsewhere): it is shown as it is.
import { scenarioById } from '../game/content.ts';
import type { ProblemMessage } from '../game/sim-types.ts';
import { problemText } from './problem-text.ts';

function scenarioTitle(id: string): string {
  return scenarioById(id)?.title ?? id;
}

/** A problem in the current language. */
export function errorText(msg: ProblemMessage): string {
  return problemText(msg, scenarioTitle);
}

/** A notice: already told (a string from t()), or a problem's code to tell now. */
export type Notice = string | ProblemMessage;

/** Whether a notice is English words the code had no code for (an error from elsewhere): to be marked lang="en". */
export function isEnglishOnly(notice: Notice): boolean {
  return typeof notice !== 'string' && notice.key === 'errors.text';
}

/** A notice as text in the current language. */
export function noticeText(notice: Notice): string {
  return typeof notice === 'string' ? notice : errorText(notice);
}
