/** Bumped whenever a rule changes the outcome of a game: replays record it. */
export const RULES_VERSION = 14;
