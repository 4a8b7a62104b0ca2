// Turning points in plain words: one text for the ending screen and the headless runner, so
// both say the same thing with the same figures (src/sim/turning.ts computes them).
import type { AlternativeKind, Effect, TurnAnalysis, TurningSummary } from '../sim/turning.ts';
import type { Order, PlayerRole, Scenario } from '../sim/types.ts';
import { formatDate } from './dom.ts';
import { describeOrder } from './orders.ts';
import { roleShort } from './roles.ts';

/** How many of the largest effects the ending screen puts first. */
export const TOP_TURNING_POINTS = 3;

/** An ending key of the analysis ("military-victory:gna") in words: "a GNA military victory". */
export function endingPhrase(key: string, scenario: Scenario): string {
  const [kind, winner] = key.split(':');
  const side = (id: string | undefined) => (id === 'gna' || id === 'lna' ? scenario.sides[id].shortName : 'a side');
  switch (kind) {
    case 'military-victory': {
      const name = side(winner);
      return `${article(name)} ${name} military victory`;
    }
    case 'collapse':
      return `the collapse of the ${side(winner === 'gna' ? 'lna' : 'gna')}`;
    case 'settlement':
      return 'a negotiated settlement';
    case 'frozen-conflict':
      return 'a frozen conflict';
    case 'regional-war':
      return 'a regional war';
    case 'catastrophe':
      return 'a humanitarian catastrophe';
    case 'time-out':
      return 'the war undecided at the last turn';
    default:
      return key;
  }
}

/** "a" or "an" as the name is said: "an LNA", "a GNA", "an army" (initials said letter by letter). */
function article(name: string): string {
  const initials = /^[A-Z]{2,}/.test(name);
  return (initials ? /^[AEFHILMNORSX]/ : /^[aeiou]/i).test(name) ? 'an' : 'a';
}

export function ordersPhrase(orders: readonly Order[], scenario: Scenario): string {
  return orders.length ? orders.map((o) => describeOrder(o, scenario)).join('; ') : 'no orders';
}

const ALTERNATIVE_WORDS: Record<AlternativeKind, string> = {
  nothing: 'had you given no orders',
  baseline: 'had you given the orders the computer would have given',
};

/** "+8.2" / "−3.4" / "0" with a real minus sign. */
export function signed(x: number): string {
  if (x === 0) return '0';
  return x > 0 ? `+${x}` : `−${Math.abs(x)}`;
}

function range(low: number, high: number): string {
  return `${low < 0 ? `−${Math.abs(low)}` : low} to ${high < 0 ? `−${Math.abs(high)}` : high}`;
}

/** The sentences that explain one effect: the scores, the difference and the ending that moved most. */
export function effectSentences(t: TurnAnalysis, e: Effect, scenario: Scenario): string[] {
  const real = t.branches.find((b) => b.kind === 'real');
  const alt = t.branches.find((b) => b.kind === e.alternative);
  if (!real || !alt) return [];
  const lines: string[] = [];
  const altOrders = e.alternative === 'baseline' ? ` (${ordersPhrase(alt.orders, scenario)})` : '';
  const diff = Math.abs(e.scoreDiff);
  const verdict = e.noise && e.low === 0 && e.high === 0
    ? 'no difference at all in any continuation'
    : e.noise
      ? `${e.scoreDiff === 0 ? 'no difference on average' : `a difference of ${diff} points`} that is within the noise: the dice of the rest of the war could give as much either way (95% interval ${range(e.low, e.high)})`
    : e.scoreDiff > 0
      ? `your orders were worth ${diff} points to you (95% interval ${range(e.low, e.high)})`
      : `your orders cost you ${diff} points (95% interval ${range(e.low, e.high)})`;
  lines.push(`${cap(ALTERNATIVE_WORDS[e.alternative])}${altOrders}, your score would have averaged ${alt.score} instead of ${real.score}: ${verdict}.`);
  if (e.ending && e.ending.real !== e.ending.alternative) {
    lines.push(`The chance of ${endingPhrase(e.ending.ending, scenario)}: ${e.ending.real}% with your orders, ${e.ending.alternative}% ${e.alternative === 'nothing' ? 'with none' : 'with the computer’s'}.`);
  }
  return lines;
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** The heading of a decision: "Turn 3, 22 January 2020". */
export function turnHeading(t: TurnAnalysis): string {
  return `Turn ${t.turn}, ${formatDate(t.date)}`;
}

/** What the player did in that turn, and how the war went on from there on the real branch. */
export function turnLead(t: TurnAnalysis, scenario: Scenario): string {
  const real = t.branches.find((b) => b.kind === 'real');
  const endings = (real?.endings ?? [])
    .slice(0, 2)
    .map((e) => `${endingPhrase(e.ending, scenario)} in ${e.share}%`)
    .join(', ');
  return `You ordered: ${ordersPhrase(real?.orders ?? [], scenario)}. Played on ${real?.runs ?? 0} times from there: ${endings || 'no ending yet'}; your score averaged ${real?.score ?? 0} (95% interval ${range(real?.scoreLow ?? 0, real?.scoreHigh ?? 0)}).`;
}

/** The decisions that moved the outcome beyond the noise, largest first (at most `top`). */
export function topTurningPoints(summary: TurningSummary, top = TOP_TURNING_POINTS): TurnAnalysis[] {
  const byTurn = new Map(summary.turns.map((t) => [t.turn, t]));
  return summary.ranking
    .map((n) => byTurn.get(n))
    .filter((t): t is TurnAnalysis => !!t && !t.noise)
    .slice(0, top);
}

/** The opening sentence of the turning points. */
export function turningIntro(summary: TurningSummary, role: PlayerRole, scenario: Scenario): string {
  const who = roleShort(scenario, role);
  if (summary.turns.length === 0) return `The ${who} gave no orders in this game: there is no decision to try again.`;
  const top = topTurningPoints(summary);
  const method = `Each of the ${summary.turns.length} turns in which you gave orders was played again ${summary.runs} times from that turn to the end, with your orders and with the alternatives, on the same dice; after that turn the computer played your side in every branch, so only that turn's orders differ.`;
  if (top.length === 0) return `${method} None of your decisions moved your score beyond the noise of the dice.`;
  const count = top.length === 1 ? 'One decision' : `${top.length === 2 ? 'Two' : 'Three'} decisions`;
  return `${method} ${count} changed your war beyond the noise of the dice, the largest first.`;
}

/** The whole analysis as text (the headless runner prints it). */
export function turningLines(summary: TurningSummary, scenario: Scenario): string[] {
  const lines: string[] = [turningIntro(summary, summary.role, scenario), ''];
  const byTurn = new Map(summary.turns.map((t) => [t.turn, t]));
  summary.ranking.forEach((n, i) => {
    const t = byTurn.get(n);
    if (!t) return;
    lines.push(`${String(i + 1).padStart(2)}. ${turnHeading(t)} — effect ${t.size} points${t.noise ? ' (within the noise)' : ''}`);
    lines.push(`    ${turnLead(t, scenario)}`);
    for (const e of t.effects) for (const s of effectSentences(t, e, scenario)) lines.push(`    ${s}`);
    if (t.same.includes('baseline')) lines.push('    The computer would have given the same orders.');
  });
  return lines;
}
