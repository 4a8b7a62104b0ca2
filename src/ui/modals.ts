// Modal cards: the turn report, events and choices, concept cards, the glossary.
// One modal at a time; each returns a promise that settles when it closes.
import { conceptCard, entriesFor, type GlossaryEntry, shownGlossary } from '../content/glossary.ts';
import type { PlaySession, ShownReport } from '../game/play-session.ts';
import type { Departure } from '../game/sim-types.ts';
import { fmtDate, has, isRtl, langTag, t } from '../i18n/index.ts';
import type { Actor, Concept, EventDef, PendingChoice, Phase, PlayerRole, ReportEvent, ReportMessage, Scenario } from '../sim/types.ts';
import { PHASES } from '../sim/types.ts';
import { append, button, h, restoreFocus, untranslated } from './dom.ts';
import { named, sideShort } from './end-words.ts';
import { standingChanges } from './indicators.ts';
import { eventExtras, eventWhen, spanText, splitNextTurn, type TurnSpan } from './news.ts';
import { glossaryPrimer } from './primer.ts';
import { eventSpan, messageSpan, messageText, withReportScenario } from './report-text.ts';

let openCount = 0;
let modalSerial = 0;

export function modalOpen(): boolean {
  return openCount > 0;
}

interface ModalParts {
  eyebrow?: string;
  title: string;
  /** The title is scenario content, in English for now (marked so). */
  titleEnglish?: boolean;
  body: Node[];
  /** Buttons; the first primary one gets focus. */
  actions: HTMLButtonElement[];
  wide?: boolean;
  className?: string;
  /** Escape closes with this value (omit to make Escape do nothing). */
  dismissValue?: string;
  footLeft?: Node;
  /**
   * The dialog's own words come from the catalogues: it is marked with the page's language and
   * direction, whatever the layer it opens over (a layer not translated yet is marked English).
   */
  translated?: boolean;
  /** The element to focus when it opens (default: the first primary button). */
  focus?: HTMLElement;
  /** Its text is not translated yet (reports, news, concepts, the glossary): marked lang="en" dir="ltr". */
  english?: boolean;
}

/** Shows a modal; resolves with the value of the button pressed. */
export function showModal(root: HTMLElement, parts: ModalParts, values: string[]): Promise<string> {
  return new Promise((resolve) => {
    openCount++;
    const previous = document.activeElement as HTMLElement | null;
    const titleId = `modal-title-${++modalSerial}`;
    const box = h('div', { class: `panel modal ${parts.wide ? 'wide' : ''} ${parts.className ?? ''}`, role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': titleId });
    if (parts.translated) {
      box.lang = langTag();
      box.dir = isRtl() ? 'rtl' : 'ltr';
    }
    const backdrop = untranslated(h('div', { class: 'modal-backdrop' }, box), parts.english === true && !parts.translated);
    const close = (value: string) => {
      openCount--;
      window.removeEventListener('keydown', onKey, true);
      backdrop.remove();
      // Back where the player was (or where that went when the screen was redrawn meanwhile);
      // another dialog opening next takes the focus itself.
      restoreFocus(previous);
      resolve(value);
    };
    parts.actions.forEach((b, i) => b.addEventListener('click', () => close(values[i] ?? '')));
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && parts.dismissValue !== undefined) {
        e.preventDefault();
        e.stopPropagation();
        close(parts.dismissValue);
      } else if (e.key === 'Tab') {
        // Keep focus inside the dialog.
        const focusable = [...box.querySelectorAll<HTMLElement>('button:not(:disabled), [href], input:not(:disabled), select:not(:disabled), summary, [tabindex="0"]')].filter(
          (el) => el.offsetParent !== null || el === document.activeElement,
        );
        if (focusable.length === 0) return;
        const first = focusable[0] as HTMLElement;
        const last = focusable[focusable.length - 1] as HTMLElement;
        const outside = !box.contains(document.activeElement);
        if (e.shiftKey && (document.activeElement === first || outside)) {
          e.preventDefault();
          last.focus();
        } else if (!e.shiftKey && (document.activeElement === last || outside)) {
          e.preventDefault();
          first.focus();
        }
      } else if (e.key === 'Enter' && document.activeElement === document.body) {
        e.preventDefault();
      }
      // Keys typed in a dialog never reach the map: those aimed at the dialog's own fields and
      // buttons reach them first, and stop at its backdrop (below).
      if (!backdrop.contains(e.target as Node)) e.stopPropagation();
    };
    window.addEventListener('keydown', onKey, true);
    backdrop.addEventListener('keydown', (e) => e.stopPropagation());
    append(
      box,
      h('div', { class: 'modal-head' }, parts.eyebrow ? h('div', { class: 'eyebrow' }, parts.eyebrow) : null, untranslated(h('h2', { id: titleId }, parts.title), parts.titleEnglish === true)),
      // Focusable, so that a long report or glossary scrolls from the keyboard too.
      h('div', { class: 'modal-body', tabIndex: 0, role: 'region', 'aria-labelledby': titleId }, ...parts.body),
      h('div', { class: 'modal-foot' }, parts.footLeft ? h('div', { class: 'left' }, parts.footLeft) : null, ...parts.actions),
    );
    root.appendChild(backdrop);
    const focus = parts.focus ?? parts.actions.find((b) => b.classList.contains('primary')) ?? parts.actions[0];
    focus?.focus({ preventScroll: true });
  });
}


export function visibleTo(e: ReportEvent, role: PlayerRole): boolean {
  return !e.visibleTo || e.visibleTo.includes(role);
}

/** The report, phase by phase. Events read in full on their cards show here by title. */
export function reportBody(
  report: ShownReport,
  /** The seat it is read from (its fog); null: the teacher's console, every event. */
  role: PlayerRole | null,
  titlesOnly: ReadonlySet<string> = new Set(),
  eventDefs: readonly EventDef[] = [],
  /** Names the other actors; with it, the report ends with the reasons they gave for their orders. */
  actorName?: (actor: Actor) => string,
): Node[] {
  const { now, next } = splitNextTurn(report.events.filter((e) => role === null || visibleTo(e, role)));
  // A lesson form's month: the first fortnight phase by phase, then the second under its own head.
  const events = now.filter((e) => !e.round);
  const later = now.filter((e) => e.round);
  const byPhase = new Map<Phase, ReportEvent[]>();
  for (const e of events) byPhase.set(e.phase, [...(byPhase.get(e.phase) ?? []), e]);
  const sections: Node[] = [];
  for (const phase of PHASES) {
    const list = byPhase.get(phase);
    if (!list?.length) continue;
    sections.push(
      h(
        'section',
        { class: 'report-phase' },
        h('h3', null, t(`dialogs.phase.${phase}`)),
        h(
          'ul',
          null,
          ...list.map((e) => reportLine(e, titlesOnly, eventDefs)),
        ),
      ),
    );
  }
  if (later.length) {
    sections.push(
      h(
        'section',
        { class: 'report-phase report-second' },
        h('h3', null, t('dialogs.report.second')),
        h('ul', null, ...later.map((e) => reportLine(e, titlesOnly, eventDefs, false))),
      ),
    );
  }
  if (next.length) {
    sections.push(
      h(
        'section',
        { class: 'report-phase report-next' },
        h('h3', null, t('dialogs.report.next', { turn: report.turn + 1 })),
        h('ul', null, ...next.map((e) => reportLine(e, titlesOnly, eventDefs))),
      ),
    );
  }
  const why = actorName ? (Object.entries(report.reasonMsgs) as [Actor, ReportMessage[]][]).filter(([actor, list]) => actor !== role && list.length) : [];
  if (why.length && actorName) {
    sections.push(
      h(
        'section',
        { class: 'report-phase report-why' },
        h('h3', null, t('dialogs.report.why')),
        h('ul', null, ...why.flatMap(([actor, list]) => list.map((reason) => h('li', null, h('span', { class: 'mech' }, actorName(actor)), messageSpan(reason))))),
      ),
    );
  }
  const rejected = report.rejected.filter((r) => role === null || r.order.actor === role);
  if (rejected.length) {
    sections.push(
      h(
        'section',
        { class: 'report-phase' },
        h('h3', null, t('dialogs.report.rejected')),
        h('ul', null, ...rejected.map((r) => h('li', null, messageText(r.problem.msg)))),
      ),
    );
  }
  if (sections.length === 0) sections.push(h('p', { class: 'empty' }, t('dialogs.report.quiet')));
  return sections;
}

/** One line of the report. An event read in full on its card shows its title in bold, then what happened. */
function reportLine(e: ReportEvent, titlesOnly: ReadonlySet<string>, eventDefs: readonly EventDef[], round = true): HTMLElement {
  const id = e.detail?.type === 'event' ? e.detail.event : null;
  const def = id && titlesOnly.has(id) ? eventDefs.find((x) => x.id === id) : undefined;
  const body = def && e.msg.key === 'report.event' && !e.round ? [h('strong', null, def.title), ' ', h('span', null, def.text)] : [eventSpan(e, { round })];
  return h('li', null, h('span', { class: 'mech' }, has(`dialogs.mechanic.${e.mechanic}`) ? t(`dialogs.mechanic.${e.mechanic}`) : e.mechanic), ...body);
}

/** A short name for an actor in the report: the side's short name, the mediator's, the backer's, or the armed group's (without its details in brackets). */
export function actorLabel(scenario: Scenario, actor: Actor): string {
  if (actor === 'gna' || actor === 'lna') return sideShort(scenario, actor);
  if (actor === 'mediator') return scenario.mediator?.name ?? t('dialogs.mediator');
  if (actor.startsWith('group:')) {
    const id = actor.slice('group:'.length);
    const def = [...scenario.formations, ...scenario.reserves].find((f) => f.id === id);
    return def ? def.name.split(' (')[0]! : id;
  }
  const backer = scenario.backers.find((b) => `backer:${b.id}` === actor);
  return backer ? named(backer.id, backer.name).text : actor.slice('backer:'.length);
}

/**
 * "Left history here": in one line, where this war has just parted from what happened (the
 * record, src/sim/record.ts); more than one departure in a turn folds the rest under it.
 */
export function leftHistoryLine(departures: readonly Departure[], scenario: Scenario | null = null): HTMLElement | null {
  const [first, ...rest] = departures;
  if (!first) return null;
  const line = h('p', { class: 'left-history-line' }, h('strong', null, t('dialogs.leftHistory')), messageSpan(first.msg, scenario));
  if (rest.length === 0) return h('div', { class: 'left-history', 'data-departures': '1' }, line);
  return h(
    'details',
    { class: 'left-history', 'data-departures': String(departures.length) },
    h('summary', null, line, h('span', { class: 'small muted' }, t('dialogs.leftHistoryMore', { n: rest.length }))),
    h('ul', null, ...rest.map((d) => messageSpan(d.msg, scenario, 'li'))),
  );
}

/** "Where things stand": every indicator the panels show that moved in the turn, before → after, in the panels' own words and figures. */
function standingSection(report: ShownReport, session: PlaySession): HTMLElement | null {
  const changes = standingChanges(report, session.role, session.scenario);
  if (changes.length === 0) return null;
  return h(
    'section',
    { class: 'report-phase standing', 'aria-label': t('dialogs.report.standing') },
    h('h3', null, t('dialogs.report.standing')),
    h(
      'dl',
      { class: 'standing-list' },
      ...changes.flatMap((c) => [
        h('dt', null, c.label),
        h('dd', null, `${c.from} → ${c.to}`, h('span', { class: `trend ${c.up ? 'up' : 'down'}`, 'aria-label': t(c.up ? 'dialogs.report.up' : 'dialogs.report.down') }, c.up ? ' ▲' : ' ▼')),
      ]),
    ),
  );
}

export function showReport(
  root: HTMLElement,
  session: PlaySession,
  report: ShownReport,
  titlesOnly: ReadonlySet<string>,
  /** Where this war left history in the turn reported (none when it did not, or the record does not apply). */
  leftHistory: readonly Departure[] = [],
): Promise<string> {
  return showModal(
    root,
    {
      eyebrow: t('dialogs.report.eyebrow', { turn: report.turn, turns: session.scenario.turns, span: spanText(report.date, session.scenario.turnDays) }),
      title: report === session.opening ? t('dialogs.report.situation') : t('dialogs.report.title'),
      body: [
        leftHistoryLine(leftHistory, session.scenario),
        ...withReportScenario(session.scenario, () => reportBody(report, session.role, titlesOnly, session.scenario.events, (actor) => actorLabel(session.scenario, actor))),
        standingSection(report, session),
      ].filter((x): x is Node => x !== null),
      actions: [button(t('dialogs.continue'), () => {}, { class: 'primary' })],
      wide: true,
      dismissValue: 'ok',
      translated: true,
    },
    ['ok'],
  );
}

/** The news of a turn: one card per event, stacked in one dialog. */
export function showEvents(root: HTMLElement, events: readonly EventDef[], turn?: TurnSpan): Promise<string> {
  const first = events[0];
  if (!first) return Promise.resolve('');
  const card = (event: EventDef, withHead: boolean) =>
    h(
      'article',
      { class: 'event-block', 'data-event': event.id },
      withHead ? h('div', { class: 'eyebrow' }, eventWhen(event, turn)) : null,
      withHead ? h('h3', null, event.title) : null,
      ...event.text.split(/\n\s*\n/).map((x) => h('p', null, x)),
      ...eventExtras(event),
    );
  const single = events.length === 1;
  return showModal(
    root,
    {
      eyebrow: single ? eventWhen(first, turn) : t('dialogs.news.eyebrow', { n: events.length }),
      title: single ? first.title : t('dialogs.news.meanwhile'),
      titleEnglish: false,
      body: events.map((e) => card(e, !single)),
      actions: [button(t('dialogs.continue'), () => {}, { class: 'primary' })],
      className: 'event-card',
      translated: true,
      wide: events.length > 2,
      dismissValue: 'ok',
    },
    ['ok'],
  );
}

/** A choice for the player: resolves with the option id ('' to decide later). */
export function showChoiceCard(root: HTMLElement, event: EventDef, pending: PendingChoice): Promise<string> {
  return new Promise((resolve) => {
    const options = (event.choice?.options ?? []).filter((o) => pending.options.includes(o.id));
    const buttons = options.map((o) => h('button', { type: 'button', class: 'btn option' }, h('span', null, o.label), h('span', { class: 'hint' }, o.hint)));
    const later = button(t('dialogs.choice.later'), () => {}, { class: 'ghost' });
    const done = showModal(
      root,
      {
        eyebrow: t('dialogs.choice.eyebrow', { date: fmtDate(event.date) }),
        title: event.title,
        titleEnglish: false,
        body: [...event.text.split(/\n\s*\n/).map((x) => h('p', null, x)), ...eventExtras(event), h('div', { style: 'margin-top:14px' }, ...buttons)],
        actions: [later],
        className: 'event-card',
        translated: true,
        dismissValue: '',
      },
      [''],
    );
    buttons.forEach((b, i) =>
      b.addEventListener('click', () => {
        resolve(options[i]?.id ?? '');
        later.click();
      }),
    );
    done.then(() => resolve(''));
  });
}

/** Concepts met for the first time, each with its plain explanation and the 2019–2020 case (levels/glossary.json). */
export function showConcepts(root: HTMLElement, concepts: readonly Concept[]): Promise<string> {
  const first = concepts[0];
  if (!first) return Promise.resolve('');
  const single = concepts.length === 1;
  const block = (key: Concept) => {
    const c = conceptCard(key);
    return h(
      'article',
      { class: 'concept-block', 'data-concept': key },
      single ? null : h('h3', null, c.title),
      h('p', null, c.plain),
      h('div', { class: 'example' }, h('div', { class: 'eyebrow' }, t('dialogs.concept.example')), h('p', null, c.example)),
      h('p', { class: 'small muted in-game' }, h('strong', null, t('dialogs.concept.inGame')), h('span', null, c.inGame)),
    );
  };
  return showModal(
    root,
    {
      eyebrow: t('dialogs.concept.eyebrow', { n: concepts.length }),
      title: single ? conceptCard(first).title : t('dialogs.concept.title'),
      titleEnglish: false,
      body: concepts.map(block),
      actions: [button(t('dialogs.concept.ok'), () => {}, { class: 'primary' })],
      className: 'concept-card',
      translated: true,
      wide: concepts.length > 2,
      dismissValue: 'ok',
      footLeft: h('span', { class: 'small muted' }, t('dialogs.concept.foot')),
    },
    ['ok'],
  );
}

/**
 * The glossary: the primer (folded), the twelve concept cards (those met in this game marked), then the actors,
 * places and key terms of the scenario in play, all from levels/glossary.json.
 */
export function showGlossary(root: HTMLElement, met: readonly Concept[], scenario?: Scenario): Promise<string> {
  const concepts = shownGlossary().concepts.map((c) =>
    h(
      'div',
      { class: 'glossary-entry', 'data-concept': c.id },
      h('h3', null, h('span', null, c.title), met.includes(c.id) ? h('span', { class: 'tag' }, t('dialogs.glossary.met')) : null),
      h('p', null, c.plain),
      h('p', { class: 'small muted' }, h('strong', null, t('dialogs.glossary.example')), h('span', null, c.example)),
    ),
  );
  const entry = (e: GlossaryEntry) => h('div', { class: 'glossary-entry', 'data-entry': e.id }, h('h3', null, e.name), h('p', { class: 'small' }, e.text));
  const section = (title: string, items: Node[]) => (items.length ? [h('h2', { class: 'glossary-section' }, title), ...items] : []);
  const lists = scenario ? entriesFor(scenario) : null;
  const body = [
    glossaryPrimer(),
    ...section(t('dialogs.glossary.concepts'), concepts),
    ...(lists
      ? [...section(t('dialogs.glossary.actors'), lists.actors.map(entry)), ...section(t('dialogs.glossary.places'), lists.places.map(entry)), ...section(t('dialogs.glossary.terms'), lists.terms.map(entry))]
      : []),
  ];
  return showModal(
    root,
    {
      eyebrow: t('dialogs.glossary.eyebrow'),
      title: t('dialogs.concept.title'),
      body,
      actions: [button(t('dialogs.close'), () => {}, { class: 'primary' })],
      wide: true,
      className: 'glossary',
      translated: true,
      dismissValue: 'ok',
    },
    ['ok'],
  );
}

export function confirm(root: HTMLElement, title: string, text: string, yes: string, no = t('dialogs.cancel')): Promise<boolean> {
  return showModal(
    root,
    {
      title,
      body: [h('p', null, text)],
      actions: [button(no, () => {}, { class: 'ghost' }), button(yes, () => {}, { class: 'primary' })],
      dismissValue: 'no',
    },
    ['no', 'yes'],
  ).then((v) => v === 'yes');
}

/** Events of the scenario that fired in this report, in order. */
export function firedEvents(session: PlaySession, report: ShownReport): EventDef[] {
  const ids: string[] = [];
  for (const e of report.events) {
    if (e.detail?.type === 'event' && visibleTo(e, session.role) && !ids.includes(e.detail.event)) ids.push(e.detail.event);
  }
  return ids.map((id) => session.scenario.events.find((e) => e.id === id)).filter((e): e is EventDef => !!e);
}
