// The teacher's guides screen ("Teacher's guide" on the main menu): pick a scenario, read its
// guide — learning objectives, the history in one page, the 50- and 90-minute lesson plans,
// seating plans, discussion questions, what to look for in the debrief, an assessment with
// model answers, further reading — and print it as a handout (guide.css holds the print
// stylesheet). Loaded only when asked for, with the guides' loader; each guide is a chunk of
// its own (src/content/guides.ts). renderGuide is the guide alone, for any screen that shows one.

import type { Guide, LessonPlan, SeatingPlan } from '../content/guide-schema.ts';
import { bundledGuideIds, GuideLoadError, loadBundledGuide } from '../content/guides.ts';
import type { ScenarioEntry } from '../game/content.ts';
import { loadContent, shownTree } from '../i18n/content.ts';
import { actorName, fmtDate, fmtList, t } from '../i18n/index.ts';
import { loadPlay } from '../scenes/lazy.ts';
import { append, button, clear, h, layer } from './dom.ts';
import './guide.css';

/** What a guide shows beside its own text: names from the glossary and the scenario as listed. */
export interface GuideContext {
  scenario: ScenarioEntry;
  /** Concept card titles by id (from the glossary); an id not in it is shown in words. */
  conceptTitles: ReadonlyMap<string, string>;
  /** Actor names by id (from the glossary), for backers' seats. */
  actorNames: ReadonlyMap<string, string>;
}

export interface GuideScreenOptions {
  /** The scenarios as listed at build time; those with a guide can be picked. */
  scenarios: ScenarioEntry[];
  back(): void;
}

const PHASE_NAMES = { briefing: 'guide.phase.briefing', play: 'guide.phase.play', debrief: 'guide.phase.debrief' } as const;

/** Fallback when the glossary has no title: "security-dilemma" → "Security dilemma". */
const inWords = (id: string) => {
  const words = id.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
};

function roleLabel(role: string, context: GuideContext): string {
  if (role === 'gna' || role === 'lna' || role === 'mediator') return actorName(role);
  const backer = role.startsWith('backer:') ? role.slice('backer:'.length) : role;
  return context.actorNames.get(backer) ?? inWords(backer);
}

const conceptLabel = (id: string, context: GuideContext) => context.conceptTitles.get(id) ?? inWords(id);

function conceptLine(ids: readonly string[] | undefined, context: GuideContext): HTMLElement | null {
  if (!ids?.length) return null;
  return h('p', { class: 'guide-concepts' }, h('span', { class: 'guide-label' }, t('guide.concepts', { n: ids.length })), ids.map((id) => conceptLabel(id, context)).join(' · '));
}

// Headings: the screen's title is the page's h1, the guide's title an h2, its sections h3 and
// their parts h4, so that the outline reads the same on screen, in a screen reader and in print.
function section(id: string, title: string, ...children: (Node | null)[]): HTMLElement {
  return h('section', { class: 'guide-section', id: `guide-${id}`, 'aria-labelledby': `guide-${id}-title` }, h('h3', { id: `guide-${id}-title` }, title), ...children);
}

function columnHead(text: string): HTMLTableCellElement {
  const th = h('th', null, text);
  th.scope = 'col';
  return th;
}

function lessonTable(lesson: LessonPlan): HTMLElement {
  const rows: HTMLElement[] = [];
  let clock = 0;
  for (const step of lesson.steps) {
    rows.push(
      h(
        'tr',
        { class: `phase-${step.phase}` },
        h('td', { class: 'guide-minutes' }, `${clock}–${clock + step.minutes}`, h('span', { class: 'guide-sr' }, t('guide.minutesSr'))),
        h('td', { class: 'guide-phase' }, t(PHASE_NAMES[step.phase])),
        h('td', null, h('strong', null, step.title), h('p', null, step.text)),
      ),
    );
    clock += step.minutes;
  }
  return h(
    'table',
    { class: 'guide-lesson' },
    h('caption', { class: 'guide-sr' }, t('guide.lessonCaption', { minutes: lesson.minutes })),
    h('thead', null, h('tr', null, columnHead(t('guide.col.minutes')), columnHead(t('guide.col.phase')), columnHead(t('guide.col.what')))),
    h('tbody', null, ...rows),
  );
}

function seatingPlan(plan: SeatingPlan, context: GuideContext): HTMLElement {
  const playable = new Set<string>(context.scenario.playable);
  const tables = plan.tables.map((table) => {
    const size = table.seats.reduce((sum, s) => sum + s.students, 0);
    const head = t('guide.tables', { count: table.count, size });
    return h(
      'li',
      null,
      h('span', { class: 'guide-tables' }, head),
      h(
        'ul',
        { class: 'guide-seats' },
        ...table.seats.map((seat) =>
          h(
            'li',
            { 'data-role': seat.role },
            h('span', { class: 'guide-role' }, roleLabel(seat.role, context)),
            t('guide.seatStudents', { n: seat.students }),
            playable.has(seat.role) ? null : h('span', { class: 'guide-computer' }, t('guide.computer')),
          ),
        ),
      ),
    );
  });
  return h(
    'div',
    { class: 'guide-card guide-plan', 'data-students': String(plan.students) },
    h('h4', null, t('guide.classOf', { n: plan.students })),
    h('ul', { class: 'guide-table-list' }, ...tables),
    h('p', { class: 'guide-note' }, plan.note),
  );
}

/** The sections of a guide, in order: their ids (as in `guide-<id>`) and headings. */
export const GUIDE_SECTIONS = [
  ['objectives', 'guide.section.objectives'],
  ['history', 'guide.section.history'],
  ['lessons', 'guide.section.lessons'],
  ['seating', 'guide.section.seating'],
  ['questions', 'guide.section.questions'],
  ['debrief', 'guide.section.debrief'],
  ['assessment', 'guide.section.assessment'],
  ['reading', 'guide.section.reading'],
] as const;

/** One guide as an article with real headings, ready to read on screen or to print. */
export function renderGuide(guide: Guide, context: GuideContext): HTMLElement {
  const { scenario } = context;
  const title = (key: (typeof GUIDE_SECTIONS)[number][0]) => t(GUIDE_SECTIONS.find(([k]) => k === key)?.[1] ?? key);
  const lessons = [...guide.lessons].sort((a, b) => a.minutes - b.minutes);
  const plans = [...guide.seating.plans].sort((a, b) => a.students - b.students);

  return h(
    'article',
    { class: 'guide', 'aria-labelledby': 'guide-title', 'data-scenario': scenario.id },
    h(
      'header',
      { class: 'guide-head' },
      h('div', { class: 'eyebrow' }, t('guide.eyebrow')),
      h('h2', { id: 'guide-title', tabIndex: -1 }, scenario.title),
      h('p', { class: 'guide-meta' }, t('guide.meta', { date: fmtDate(scenario.startDate), turns: scenario.turns, days: scenario.turnDays, roles: fmtList(scenario.playable.map((r) => roleLabel(r, context))) })),
      h('p', { class: 'guide-summary' }, guide.summary),
      h('p', { class: 'guide-audience' }, h('span', { class: 'guide-label' }, t('guide.for')), guide.audience),
    ),
    h(
      'nav',
      { class: 'guide-toc', 'aria-label': t('guide.toc') },
      h('ol', null, ...GUIDE_SECTIONS.map(([id, key]) => h('li', null, anchor(t(key), `#guide-${id}`, { 'data-section': id })))),
    ),
    section('objectives', title('objectives'), h('p', null, t('guide.objectivesIntro')), h('ol', null, ...guide.objectives.map((o) => h('li', null, o)))),
    section(
      'history',
      title('history'),
      h('h4', null, guide.history.title),
      ...guide.history.paragraphs.map((p) => h('p', null, p)),
      h('h4', null, t('guide.sources')),
      h('ul', { class: 'guide-sources' }, ...guide.history.sources.map((s) => h('li', null, s.text, s.url ? ' ' : null, s.url ? externalLink(s.url) : null))),
    ),
    section(
      'lessons',
      title('lessons'),
      ...lessons.map((lesson) =>
        h(
          'div',
          { class: 'guide-card guide-lesson-plan', 'data-minutes': String(lesson.minutes) },
          h('h4', null, t('guide.lessonTitle', { minutes: lesson.minutes })),
          h('p', null, lesson.summary),
          lessonTable(lesson),
          lesson.shortForm ? h('p', { class: 'guide-note' }, h('span', { class: 'guide-label' }, t('guide.shortForm')), lesson.shortForm) : null,
        ),
      ),
    ),
    section('seating', title('seating'), h('p', null, guide.seating.intro), h('div', { class: 'guide-plans' }, ...plans.map((p) => seatingPlan(p, context)))),
    section(
      'questions',
      title('questions'),
      h(
        'ol',
        { class: 'guide-questions' },
        ...guide.questions.map((q) =>
          h('li', null, h('p', { class: 'guide-question' }, q.question), conceptLine(q.concepts, context), h('p', { class: 'guide-notes' }, h('span', { class: 'guide-label' }, t('guide.listenFor')), q.notes)),
        ),
      ),
    ),
    section(
      'debrief',
      title('debrief'),
      ...guide.debrief.map((item) => h('div', { class: 'guide-card' }, h('h4', null, item.title), h('p', null, item.text), conceptLine(item.concepts, context))),
    ),
    section(
      'assessment',
      title('assessment'),
      h('p', null, t('guide.assessmentIntro', { n: guide.assessment.length, marks: guide.assessment.reduce((sum, a) => sum + a.marks, 0) })),
      h(
        'ol',
        { class: 'guide-questions' },
        ...guide.assessment.map((a) =>
          h(
            'li',
            null,
            h('p', { class: 'guide-question' }, a.question, h('span', { class: 'guide-marks' }, t('guide.marks', { n: a.marks }))),
            conceptLine(a.concepts, context),
            h('p', { class: 'guide-answer' }, h('span', { class: 'guide-label' }, t('guide.modelAnswer')), a.answer),
          ),
        ),
      ),
    ),
    section(
      'reading',
      title('reading'),
      h(
        'ul',
        { class: 'guide-reading' },
        ...guide.reading.map((r) =>
          h(
            'li',
            null,
            h('span', { class: 'guide-by' }, r.by),
            ', ',
            // Titles stay as published (often English): their own direction inside an Arabic page.
            autoDir(h('cite', null, r.title)),
            r.year ? ` (${r.year})` : null,
            '. ',
            r.note,
            r.url ? ' ' : null,
            r.url ? externalLink(r.url) : null,
          ),
        ),
      ),
    ),
  );
}

function autoDir<T extends HTMLElement>(el: T): T {
  el.dir = 'auto';
  return el;
}

function anchor(text: string, href: string, attrs: Parameters<typeof h>[1] = null): HTMLAnchorElement {
  const a = h('a', attrs, text);
  a.href = href;
  return a;
}

/** A source's address, shown as its host; it opens in a new tab, and prints as written. */
function externalLink(url: string): HTMLElement {
  const a = anchor(url.replace(/^https:\/\//, '').replace(/\/$/, ''), url, { class: 'guide-link' });
  a.target = '_blank';
  a.rel = 'noopener noreferrer';
  return a;
}

/** Why a guide could not be opened, in the teacher's language. */
function guideProblem(error: GuideLoadError): string {
  if (error.kind === 'invalid') return t('guide.error.invalid', { problem: error.detail });
  return error.kind === 'missing' ? t('guide.error.missing') : t('guide.error.fetch', { file: error.detail });
}

/** A guide in the player's language (its text stays English where its catalogue does not arrive). */
async function shownGuide(guide: Guide): Promise<Guide> {
  await loadContent(`guide.${guide.scenario}`).catch(() => undefined);
  return shownTree(`guide.${guide.scenario}`, guide);
}

/** Concept titles and actor names from the glossary (in the play chunk, which the menu fetches in the background); none if it cannot be had. */
async function glossaryNames(): Promise<Pick<GuideContext, 'conceptTitles' | 'actorNames'>> {
  try {
    const g = await (await loadPlay()).glossaryShown();
    return {
      conceptTitles: new Map(g.concepts.map((c) => [c.id as string, c.title])),
      actorNames: new Map(g.entries.filter((e) => e.kind === 'actor').map((e) => [e.id, e.name])),
    };
  } catch {
    return { conceptTitles: new Map(), actorNames: new Map() };
  }
}

/** The guides screen over the menu: the scenarios to pick from, and the guide picked. */
export function mountGuides(options: GuideScreenOptions): { close(): void } {
  const root = layer('guide');
  document.documentElement.classList.add('guide-open');
  const withGuide = new Set(bundledGuideIds());
  const entries = options.scenarios;

  const heading = h('h1', { class: 'guide-screen-title', id: 'guides-title' }, t('guide.screenTitle'));
  const answers = h('input', { type: 'checkbox', id: 'guide-print-answers' });
  answers.checked = true;
  const printButton = button(t('guide.print'), () => window.print(), { class: 'primary', id: 'guide-print', disabled: true });
  // A div, not a header: inside the screen's main landmark a header would be a banner in a landmark.
  const bar = h(
    'div',
    { class: 'guide-bar' },
    button(t('guide.back'), () => close(true), { class: 'ghost small', id: 'guide-back' }),
    heading,
    h('label', { class: 'check small', title: t('guide.answersTitle') }, answers, t('guide.answers')),
    printButton,
  );
  const list = h('ul', { class: 'guide-picker-list' });
  const picker = h('nav', { class: 'guide-picker', 'aria-label': t('guide.scenarios') }, h('h2', { class: 'guide-picker-title' }, t('guide.scenarios')), list);
  // Loading and failures are announced here; a guide that opens takes the focus to its title.
  const status = h('p', { class: 'guide-status muted', role: 'status' });
  const body = h(
    'div',
    { class: 'guide-body' },
    h(
      'div',
      { class: 'guide-intro' },
      h('p', null, t('guide.intro')),
      h('p', null, t('guide.introPrint')),
    ),
  );
  const panel = h('div', { class: 'panel guide-screen', role: 'main', 'aria-labelledby': 'guides-title' }, bar, h('div', { class: 'guide-columns' }, picker, h('div', { class: 'guide-main' }, status, body)));
  root.appendChild(panel);

  let chosen: string | null = null;
  let request = 0;
  const buttons = new Map<string, HTMLButtonElement>();
  for (const entry of entries) {
    const has = withGuide.has(entry.id);
    const b = h(
      'button',
      { type: 'button', class: 'choice guide-pick', 'data-scenario': entry.id, disabled: !has, 'aria-pressed': 'false' },
      h('span', { class: 'choice-title' }, entry.title),
      h('span', { class: 'choice-sub' }, has ? t('guide.pickSub', { date: fmtDate(entry.startDate), turns: entry.turns }) : t('guide.none')),
    );
    b.addEventListener('click', () => void show(entry));
    buttons.set(entry.id, b);
    list.append(h('li', null, b));
  }

  const syncAnswers = () => body.querySelector('.guide')?.classList.toggle('print-without-answers', !answers.checked);
  answers.addEventListener('change', syncAnswers);

  async function show(entry: ScenarioEntry): Promise<void> {
    chosen = entry.id;
    const mine = ++request;
    for (const [id, b] of buttons) b.setAttribute('aria-pressed', String(id === entry.id));
    printButton.disabled = true;
    clear(body);
    body.setAttribute('aria-busy', 'true');
    status.textContent = t('guide.loading', { title: entry.title });
    try {
      const [guide, names] = await Promise.all([loadBundledGuide(entry.id).then(shownGuide), glossaryNames()]);
      if (mine !== request || !root.isConnected) return;
      clear(body);
      status.textContent = '';
      body.append(renderGuide(guide, { scenario: entry, ...names }));
      syncAnswers();
      printButton.disabled = false;
      body.scrollTop = 0;
      body.querySelector<HTMLElement>('#guide-title')?.focus({ preventScroll: true });
    } catch (error) {
      if (mine !== request || !root.isConnected) return;
      clear(body);
      status.textContent = '';
      const message = error instanceof GuideLoadError ? guideProblem(error) : t('guide.error.other', { problem: (error as Error).message });
      const retry = error instanceof GuideLoadError && error.problems.length === 0;
      append(body, h('div', { class: 'notice', role: 'alert' }, message), retry ? button(t('guide.retry'), () => void show(entry), { class: 'small' }) : null);
    } finally {
      if (mine === request) body.removeAttribute('aria-busy');
    }
  }

  // Section links move within the guide's own scroll, and focus the section for keyboard users.
  body.addEventListener('click', (e) => {
    const link = (e.target as HTMLElement).closest<HTMLAnchorElement>('a[data-section]');
    if (!link) return;
    e.preventDefault();
    const target = body.querySelector<HTMLElement>(`#guide-${link.dataset.section}`);
    if (!target) return;
    target.tabIndex = -1;
    target.scrollIntoView({ block: 'start' });
    target.focus({ preventScroll: true });
  });
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && !e.defaultPrevented) close(true);
  };
  root.addEventListener('keydown', onKey);

  let closed = false;
  function close(goBack = false): void {
    if (closed) return;
    closed = true;
    request++;
    root.remove();
    document.documentElement.classList.remove('guide-open');
    if (goBack) options.back();
  }

  (buttons.get(chosen ?? '') ?? [...buttons.values()].find((b) => !b.disabled) ?? bar.querySelector<HTMLElement>('#guide-back'))?.focus({ preventScroll: true });
  return { close: () => close(false) };
}
