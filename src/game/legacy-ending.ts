// The ending's English sentence as the core wrote it into every ended state until it stopped
// (`Ending.text`): records made before — replay files, saves, the classroom server's stored
// tables — hold the hash of their final state with that sentence in it. Every place that checks
// a record's hash against a played state passes this teller to the core (hashMatches,
// verifyReplay), so those records still verify. The sentence is the English catalogue's, told
// from the ending's code as the screens tell it; test/fixtures/english-pins.json pins it word
// for word against the sentences the core wrote.
import { inEnglish } from '../i18n/index.ts';
import { messageText } from '../ui/report-text.ts';
import { endingMsg } from './sim.ts';
import type { LegacyEnding } from './sim-types.ts';

/** In English whatever the screen's language: the old sentence was English in every game. */
export const legacyEnding: LegacyEnding = (scenario, state, ending) => inEnglish(() => messageText(endingMsg(ending.kind, scenario, ending.winner, state), scenario));
