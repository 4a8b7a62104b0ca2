// The core's codes told in English, for tests whose wording matters: through the same tellers
// as the screens (src/ui/report-text.ts) and the English catalogues. The core writes no sentence.
import type { ReportEvent, ReportMessage, Scenario } from '../src/sim/types.ts';
import { eventText, messageText } from '../src/ui/report-text.ts';

/** A report event in English ("Second fortnight: …" included for a second round). */
export const told = (e: ReportEvent, scenario: Scenario): string => eventText(e, { scenario });

/** Each of a list of codes in English (the AI's reasons, "Left history here", the forecast). */
export const english = (msgs: readonly ReportMessage[], scenario: Scenario): string[] => msgs.map((m) => messageText(m, scenario));
