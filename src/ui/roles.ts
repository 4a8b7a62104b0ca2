// A role in words, whatever it is: a side, the mediator or a foreign backer a person plays.
// The screens name the sides and the mediator from the catalogue (names.json; roleShort, in
// English, is the command line's); a backer's come from its scenario (its name, its client, its
// objectives and briefing in `backerRoles`).

import { actorName, has, t } from '../i18n/index.ts';
import type { BackerDef, PlayerRole, RoleObjectives, Scenario, SideId } from '../sim/types.ts';
import { ROLE_SHORT } from './texts.ts';

export function isBacker(role: string): role is `backer:${string}` {
  return role.startsWith('backer:');
}

/** The backer a backer role plays, if it is one. */
export function backerOf(scenario: Scenario, role: PlayerRole): BackerDef | undefined {
  return isBacker(role) ? scenario.backers.find((b) => b.id === role.slice('backer:'.length)) : undefined;
}

/** The side a role fights for or backs (none for the mediator). */
export function sideOf(scenario: Scenario, role: PlayerRole): SideId | null {
  if (role === 'gna' || role === 'lna') return role;
  const b = backerOf(scenario, role);
  return b && b.client !== 'none' ? b.client : null;
}

/** Short names a backer goes by where space is short. */
const SHORT: Record<string, string> = { uae: 'UAE', 'united-states': 'US', 'saudi-arabia': 'Saudi Arabia', 'sudan-rsf': 'RSF' };

export function roleShort(scenario: Scenario, role: PlayerRole): string {
  if (!isBacker(role)) return ROLE_SHORT[role];
  const b = backerOf(scenario, role);
  return b ? (SHORT[b.id] ?? b.name) : role;
}



export function objectivesOf(scenario: Scenario, role: PlayerRole): RoleObjectives | undefined {
  return isBacker(role) ? scenario.backerRoles?.[role.slice('backer:'.length)]?.objectives : scenario.objectives[role];
}

export function briefingOf(scenario: Scenario, role: PlayerRole): string {
  return (isBacker(role) ? scenario.backerRoles?.[role.slice('backer:'.length)]?.briefing : scenario.briefing[role]) ?? '';
}


/** roleShort in the player's language (the translated screens): names.json, else the English short name. */
export function roleShortText(scenario: Scenario, role: PlayerRole): string {
  if (!isBacker(role)) return actorName(role);
  const b = backerOf(scenario, role);
  if (!b) return role;
  return has(`names.actor.${b.id}`) ? actorName(b.id) : roleShort(scenario, role);
}

/** roleName in the player's language: "the Libyan National Army", "Turkey, backer of the GNA". */
export function roleNameText(scenario: Scenario, role: PlayerRole): string {
  if (!isBacker(role)) return t('game.roleThe', { name: actorName(role, 'long'), id: role });
  const b = backerOf(scenario, role);
  if (!b) return role;
  const name = has(`names.actor.${b.id}`) ? actorName(b.id, 'long') : b.name;
  return b.client === 'none' ? name : t('game.backerOf', { name, client: actorName(b.client), id: b.client });
}
