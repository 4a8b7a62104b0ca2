// Turning points in plain words: one text for the ending screen and the headless runner, so
// both say the same thing with the same figures (src/sim/turning.ts computes them). The words
// come from the catalogues (locales/<lang>/ending.json, "ending.turning.…"): English in Node.
// The orders themselves are described by the core (describeOrder), in English for now.
import { fmtDate, fmtNumber, t } from '../i18n/index.ts';
import type { AlternativeKind, Effect, TurnAnalysis, TurningSummary } from '../sim/turning.ts';
import type { Order, PlayerRole, Scenario } from '../sim/types.ts';
import { roleShortName, roleSid, sideShort } from './end-words.ts';
import { describeOrder, describeOrderText } from './orders.ts';

/** How many of the largest effects the ending screen puts first. */
export const TOP_TURNING_POINTS = 3;

/** An ending key of the analysis ("military-victory:gna") in words: "a GNA military victory". */
export function endingPhrase(key: string, scenario: Scenario): string {
  const [kind, winner] = key.split(':');
  const side = (id: string | undefined) => (id === 'gna' || id === 'lna' ? sideShort(scenario, id) : t('ending.turning.aSide'));
  switch (kind) {
    case 'military-victory': {
      const name = side(winner);
      return t('ending.phrase.victory', { side: name, an: article(name), sid: winner ?? 'other' });
    }
    case 'collapse':
      return t('ending.phrase.collapse', { side: side(winner === 'gna' ? 'lna' : 'gna'), sid: winner === 'gna' ? 'lna' : 'gna' });
    case 'settlement':
    case 'frozen-conflict':
    case 'regional-war':
    case 'catastrophe':
    case 'time-out':
      return t(`ending.phrase.${kind}`);
    default:
      return key;
  }
}

/** "a" or "an" as the name is said: "an LNA", "a GNA", "an army" (initials said letter by letter); English only. */
function article(name: string): 'an' | 'a' {
  const initials = /^[A-Z]{2,}/.test(name);
  return (initials ? /^[AEFHILMNORSX]/ : /^[aeiou]/i).test(name) ? 'an' : 'a';
}

export function ordersPhrase(orders: readonly Order[], scenario: Scenario): string {
  return orders.length ? orders.map((o) => describeOrderText(o, scenario) ?? describeOrder(o, scenario)).join('; ') : t('ending.turning.noOrders');
}


/** "+8.2" / "−3.4" / "0" with a real minus sign. */
export function signed(x: number): string {
  if (x === 0) return num(0);
  return x > 0 ? `+${num(x)}` : `−${num(Math.abs(x))}`;
}

/** A figure of the analysis as written in the current language (up to three decimals, as computed). */
export function num(x: number): string {
  return fmtNumber(x, { maximumFractionDigits: 3, useGrouping: false });
}

/** "−1.2 to 3.4", with real minus signs. */
export function range(low: number, high: number): string {
  const one = (x: number) => (x < 0 ? `−${num(Math.abs(x))}` : num(x));
  return t('ending.turning.range', { low: one(low), high: one(high) });
}

/** The sentences that explain one effect: the scores, the difference and the ending that moved most. */
export function effectSentences(t0: TurnAnalysis, e: Effect, scenario: Scenario): string[] {
  const real = t0.branches.find((b) => b.kind === 'real');
  const alt = t0.branches.find((b) => b.kind === e.alternative);
  if (!real || !alt) return [];
  const lines: string[] = [];
  const altOrders = e.alternative === 'baseline' ? t('ending.turning.altOrders', { orders: ordersPhrase(alt.orders, scenario) }) : '';
  const diff = num(Math.abs(e.scoreDiff));
  const interval = range(e.low, e.high);
  const verdict =
    e.noise && e.low === 0 && e.high === 0
      ? t('ending.turning.verdict.none')
      : e.noise
        ? e.scoreDiff === 0
          ? t('ending.turning.verdict.noiseZero', { range: interval })
          : t('ending.turning.verdict.noise', { diff, range: interval })
        : e.scoreDiff > 0
          ? t('ending.turning.verdict.worth', { diff, range: interval })
          : t('ending.turning.verdict.cost', { diff, range: interval });
  lines.push(t(`ending.turning.had.${e.alternative satisfies AlternativeKind}`, { orders: altOrders, alt: num(alt.score), real: num(real.score), verdict }));
  if (e.ending && e.ending.real !== e.ending.alternative) {
    lines.push(
      t(e.alternative === 'nothing' ? 'ending.turning.chance.nothing' : 'ending.turning.chance.baseline', {
        ending: endingPhrase(e.ending.ending, scenario),
        real: num(e.ending.real),
        alt: num(e.ending.alternative),
      }),
    );
  }
  return lines;
}

/** The heading of a decision: "Turn 3, 22 January 2020". */
export function turnHeading(turn: TurnAnalysis): string {
  return t('ending.turning.heading', { turn: turn.turn, date: fmtDate(turn.date) });
}

/** What the player did in that turn, and how the war went on from there on the real branch. */
export function turnLead(turn: TurnAnalysis, scenario: Scenario): string {
  const real = turn.branches.find((b) => b.kind === 'real');
  const endings = (real?.endings ?? [])
    .slice(0, 2)
    .map((e) => t('ending.turning.endingIn', { ending: endingPhrase(e.ending, scenario), share: num(e.share) }))
    .join(t('ending.listSep'));
  return t('ending.turning.lead', {
    orders: ordersPhrase(real?.orders ?? [], scenario),
    runs: real?.runs ?? 0,
    endings: endings || t('ending.turning.noEnding'),
    score: num(real?.score ?? 0),
    range: range(real?.scoreLow ?? 0, real?.scoreHigh ?? 0),
  });
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
  const who = roleShortName(scenario, role).text;
  if (summary.turns.length === 0) return t('ending.turning.none', { who, sid: roleSid(role) });
  const top = topTurningPoints(summary);
  const method = t('ending.turning.method', { n: summary.turns.length, runs: summary.runs });
  if (top.length === 0) return t('ending.turning.introNone', { method });
  return t('ending.turning.introSome', { method, n: top.length });
}

/** The whole analysis as text (the headless runner prints it). */
export function turningLines(summary: TurningSummary, scenario: Scenario): string[] {
  const lines: string[] = [turningIntro(summary, summary.role, scenario), ''];
  const byTurn = new Map(summary.turns.map((x) => [x.turn, x]));
  summary.ranking.forEach((n, i) => {
    const turn = byTurn.get(n);
    if (!turn) return;
    lines.push(`${String(i + 1).padStart(2)}. ${t(turn.noise ? 'ending.turning.lineNoise' : 'ending.turning.line', { heading: turnHeading(turn), size: num(turn.size) })}`);
    lines.push(`    ${turnLead(turn, scenario)}`);
    for (const e of turn.effects) for (const s of effectSentences(turn, e, scenario)) lines.push(`    ${s}`);
    if (turn.same.includes('baseline')) lines.push(`    ${t('ending.turning.same')}`);
  });
  return lines;
}
