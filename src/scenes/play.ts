// What only a game in play needs: its scenes, the session and, through it, the sim and the
// scenario loader (most of our JavaScript). It is a chunk of its own, loaded apart from the
// first screen (lazy.ts): the menu opens without parsing it, and fetches it once it is up.
// The scenarios themselves are chunks of their own again, one each, fetched when a game
// needs one (src/content/catalog.ts).

// The glossary's names, for the teacher's guides (src/ui/guide.ts), which load apart.
import { type GlossaryFile, shownGlossary } from '../content/glossary.ts';
import { loadContent } from '../i18n/content.ts';

export { glossary } from '../content/glossary.ts';

/** The glossary in the player's language, its catalogue loaded first. */
export async function glossaryShown(): Promise<GlossaryFile> {
  await loadContent('glossary').catch(() => undefined);
  return shownGlossary();
}
export { readLink } from '../game/link.ts';
export { NetSession } from '../game/net-session.ts';
export { deleteSlot, GameSession, openReplay, readAutosave, readSlots, restoreOrSetAside } from '../game/session.ts';
export { REPLAY_LIMITS } from '../game/sim.ts';
export { Briefing } from './Briefing.ts';
export { Ending } from './Ending.ts';
export { GameMap } from './GameMap.ts';
