// The core's message codes in English, for the command line: the same tellers and catalogues
// as the screens (locales/en), which run in Node too.
import type { ProblemMessage, ReportMessage, Scenario } from '../sim/types.ts';
import { problemText } from '../ui/problem-text.ts';
import { messageText } from '../ui/report-text.ts';

/** A report's, an order's or a warning's message code in English, with `scenario`'s names. */
export const english = (msg: ReportMessage, scenario: Scenario | null = null): string => messageText(msg, scenario);

/** A problem's message code (locales/en/errors.json) in English; `scenarioTitle` names scenario ids. */
export const englishProblem = (msg: ProblemMessage, scenarioTitle?: (id: string) => string): string => problemText(msg, scenarioTitle);
