// Fixed names the code needs in one form whatever the language: the sides' short names for the
// command line (the screens tell roles through the catalogues: src/ui/roles.ts), the order of a
// score's parts, and how a place's name is shortened on the map. Every word a player reads is in
// locales/<lang>/*.json.
import type { Role } from '../sim/types.ts';

/** The roles' short names as the command line prints them (English; the screens use names.json). */
export const ROLE_SHORT: Record<Role, string> = { gna: 'GNA', lna: 'LNA', mediator: 'Mediator' };

/** A score's five parts, in the order the ending's table lists them (their names: ending.json). */
export const SCORE_PARTS: { key: 'territory' | 'lives' | 'legitimacy' | 'stability' | 'escalation' }[] = [
  { key: 'territory' },
  { key: 'lives' },
  { key: 'legitimacy' },
  { key: 'stability' },
  { key: 'escalation' },
];

/** A place's name without the gloss in brackets, and "International" shortened, for tight labels. */
export function shortPlaceName(name: string): string {
  return name.replace(/\s*\(.*\)\s*$/, '').replace(/\bInternational\b/, 'Intl.');
}
