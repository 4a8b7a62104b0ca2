// The teacher's guides (levels/guides/<scenario id>.json): their format, checked by a valibot
// schema like the scenarios, and what the schema alone cannot say — the lesson plans' minutes
// add up, the seating plans seat the class they are for, the lesson's phases come in order.
// A guide is content, not rules: nothing here is part of the sim.
//
// What a guide names outside itself — its scenario, the roles its seats give, the concept cards
// its questions lean on — is checked against them by checkGuideReferences (the tests do it
// for every bundled guide, with the scenario and the glossary).
import * as v from 'valibot';
import { schemaProblems } from '../sim/scenario/load.ts';

/** One thing wrong with a guide: its file, the dot path inside it ("" for the whole file), and what. */
export interface GuideProblem {
  file: string;
  path: string;
  message: string;
}

export type GuideResult = { ok: true; value: Guide } | { ok: false; error: GuideProblem[] };

/** The class sizes every guide seats. */
export const CLASS_SIZES = [3, 7, 15, 30] as const;
/** The two lesson lengths every guide plans, in minutes. */
export const LESSON_LENGTHS = [50, 90] as const;
/** The three phases of a lesson, in the order they come. */
export const PHASES = ['briefing', 'play', 'debrief'] as const;
/** The history is one printed page with its sources: at most this many words of text. */
export const HISTORY_MAX_WORDS = 600;

const id = v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9-]*$/, 'must be a lower-case id (a-z, 0-9, -)'));
const int = (min: number, max: number) => v.pipe(v.number(), v.integer('must be a whole number'), v.minValue(min), v.maxValue(max));
const text = (max: number) => v.pipe(v.string(), v.minLength(1, 'must not be empty'), v.maxLength(max, `must be at most ${max} characters`));
const link = v.pipe(v.string(), v.url('must be a full address'), v.startsWith('https://', 'must be an https:// address'), v.maxLength(300));
/** A role a seat can give: a side, the mediator, or a foreign backer of the scenario. */
export const ROLE_PATTERN = /^(gna|lna|mediator|backer:[a-z0-9][a-z0-9-]*)$/;
const role = v.pipe(v.string(), v.regex(ROLE_PATTERN, 'must be a role: gna, lna, mediator or backer:<backer id>'));
const concepts = (min: number) =>
  v.pipe(v.array(id), v.minLength(min, `must name at least ${min} concept card${min > 1 ? 's' : ''}`), v.maxLength(4, 'may name at most 4 concept cards'));

const sourceSchema = v.strictObject({ text: text(300), url: v.optional(link) });

const stepSchema = v.strictObject({
  phase: v.picklist(PHASES),
  minutes: int(1, 90),
  title: text(80),
  text: text(1400),
});

const lessonSchema = v.strictObject({
  minutes: v.picklist(LESSON_LENGTHS),
  summary: text(600),
  /** How the plan changes with a class-length short form of the scenario, where there is one. */
  shortForm: v.optional(text(600)),
  steps: v.pipe(v.array(stepSchema), v.minLength(3, 'needs at least a briefing, a play and a debrief step')),
});

const seatSchema = v.strictObject({ role, students: int(1, 10) });

const tableSchema = v.strictObject({
  /** How many tables of this make-up. */
  count: int(1, 30),
  seats: v.pipe(v.array(seatSchema), v.minLength(1, 'a table needs at least one seat')),
});

const seatingPlanSchema = v.strictObject({
  students: v.picklist(CLASS_SIZES),
  tables: v.pipe(v.array(tableSchema), v.minLength(1, 'a plan needs at least one table')),
  note: text(900),
});

const questionSchema = v.strictObject({ question: text(500), concepts: concepts(1), notes: text(1200) });

const lookForSchema = v.strictObject({ title: text(120), text: text(1000), concepts: v.optional(concepts(1)) });

const assessmentSchema = v.strictObject({ question: text(600), answer: text(1600), concepts: concepts(1), marks: int(1, 20) });

const readingSchema = v.strictObject({
  by: text(200),
  title: text(300),
  year: v.optional(text(30)),
  note: text(500),
  url: v.optional(link),
});

export const guideSchema = v.strictObject({
  $schema: v.optional(v.string()),
  /** The scenario this guide is for (its id; the file is levels/guides/<id>.json). */
  scenario: id,
  audience: text(500),
  summary: text(1200),
  objectives: v.pipe(v.array(text(300)), v.minLength(3, 'needs at least 3 learning objectives'), v.maxLength(8, 'at most 8 learning objectives')),
  history: v.strictObject({
    title: text(120),
    paragraphs: v.pipe(v.array(text(1600)), v.minLength(2, 'needs at least 2 paragraphs'), v.maxLength(8, 'one page: at most 8 paragraphs')),
    sources: v.pipe(v.array(sourceSchema), v.minLength(2, 'needs at least 2 sources')),
  }),
  lessons: v.array(lessonSchema),
  seating: v.strictObject({ intro: text(1600), plans: v.array(seatingPlanSchema) }),
  questions: v.pipe(v.array(questionSchema), v.minLength(4, 'needs at least 4 discussion questions'), v.maxLength(12)),
  debrief: v.pipe(v.array(lookForSchema), v.minLength(3, 'needs at least 3 things to look for')),
  assessment: v.pipe(v.array(assessmentSchema), v.minLength(3, 'needs at least 3 questions'), v.maxLength(10)),
  reading: v.pipe(v.array(readingSchema), v.minLength(4, 'needs at least 4 items of further reading')),
});

export type Guide = v.InferOutput<typeof guideSchema>;
export type LessonPlan = Guide['lessons'][number];
export type SeatingPlan = Guide['seating']['plans'][number];

const minutesOf = (n: number) => `${n} minute${n === 1 ? '' : 's'}`;
const studentsOf = (n: number) => `${n} student${n === 1 ? '' : 's'}`;

/** What a sound guide must also be: lessons and seating complete and adding up. */
function checkGuide(file: string, guide: Guide): GuideProblem[] {
  const problems: GuideProblem[] = [];
  const add = (path: string, message: string) => problems.push({ file, path, message });

  const words = guide.history.paragraphs.reduce((sum, p) => sum + p.split(/\s+/).filter(Boolean).length, 0);
  if (words > HISTORY_MAX_WORDS) add('history.paragraphs', `the history runs to ${words} words: one page holds at most ${HISTORY_MAX_WORDS} with its sources`);

  for (const length of LESSON_LENGTHS) {
    const count = guide.lessons.filter((l) => l.minutes === length).length;
    if (count !== 1) add('lessons', count ? `there are ${count} ${length}-minute lesson plans; give one` : `a ${length}-minute lesson plan is missing`);
  }
  guide.lessons.forEach((lesson, i) => {
    const total = lesson.steps.reduce((sum, s) => sum + s.minutes, 0);
    if (total !== lesson.minutes) add(`lessons.${i}.steps`, `the steps add up to ${minutesOf(total)}, not the lesson's ${lesson.minutes}`);
    let reached = 0;
    lesson.steps.forEach((step, j) => {
      const at = PHASES.indexOf(step.phase);
      if (at < reached) add(`lessons.${i}.steps.${j}.phase`, `a ${step.phase} step after the ${PHASES[reached]}: a lesson goes briefing, play, debrief`);
      reached = Math.max(reached, at);
    });
    for (const phase of PHASES) if (!lesson.steps.some((s) => s.phase === phase)) add(`lessons.${i}.steps`, `the lesson has no ${phase} step`);
  });

  for (const size of CLASS_SIZES) {
    const count = guide.seating.plans.filter((p) => p.students === size).length;
    if (count !== 1) add('seating.plans', count ? `there are ${count} plans for a class of ${size}; give one` : `the plan for a class of ${size} is missing`);
  }
  guide.seating.plans.forEach((plan, i) => {
    const seated = plan.tables.reduce((sum, t) => sum + t.count * t.seats.reduce((s, seat) => s + seat.students, 0), 0);
    if (seated !== plan.students) add(`seating.plans.${i}.tables`, `the tables seat ${studentsOf(seated)}, not the class of ${plan.students}`);
    plan.tables.forEach((table, j) => {
      const seen = new Set<string>();
      table.seats.forEach((seat, k) => {
        if (seen.has(seat.role)) add(`seating.plans.${i}.tables.${j}.seats.${k}.role`, `"${seat.role}" has two seats at one table: a role is one seat (put its team together)`);
        seen.add(seat.role);
      });
    });
  });

  const each = (list: readonly { concepts?: readonly string[] }[], at: string) =>
    list.forEach((item, i) => {
      const seen = new Set<string>();
      for (const c of item.concepts ?? []) {
        if (seen.has(c)) add(`${at}.${i}.concepts`, `concept "${c}" is named twice`);
        seen.add(c);
      }
    });
  each(guide.questions, 'questions');
  each(guide.debrief, 'debrief');
  each(guide.assessment, 'assessment');
  return problems;
}

/** Parses a guide file: the schema first, then the checks that need the whole of it. Every problem at once. */
export function parseGuide(file: string, data: unknown): GuideResult {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    const got = data === null ? 'null' : Array.isArray(data) ? 'a list' : typeof data;
    return { ok: false, error: [{ file, path: '', message: `expected a teacher's guide (a JSON object), but the file holds ${got}` }] };
  }
  const parsed = v.safeParse(guideSchema, data);
  if (!parsed.success) return { ok: false, error: schemaProblems(file, parsed.issues) };
  const problems = checkGuide(file, parsed.output);
  return problems.length ? { ok: false, error: problems } : { ok: true, value: parsed.output };
}

/** What a guide's names are checked against: its scenario and the glossary's concept cards. */
export interface GuideReferences {
  scenario: { id: string; playable: readonly string[]; backers: readonly string[] };
  /** Every concept id a guide may name. */
  concepts: ReadonlySet<string>;
}

/**
 * The names a guide uses that do not exist: another scenario, a role the scenario does not
 * have, a concept card the glossary does not hold. A backer's seat (`backer:<id>`) needs the
 * backer in the scenario; once the scenario lists backers among its playable roles, it must
 * be one of them.
 */
export function checkGuideReferences(file: string, guide: Guide, refs: GuideReferences): GuideProblem[] {
  const problems: GuideProblem[] = [];
  const add = (path: string, message: string) => problems.push({ file, path, message });
  const { scenario } = refs;
  if (guide.scenario !== scenario.id) add('scenario', `the guide is for "${guide.scenario}", not for the scenario "${scenario.id}"`);
  const backerSeats = scenario.playable.some((r) => r.startsWith('backer:'));
  guide.seating.plans.forEach((plan, i) =>
    plan.tables.forEach((table, j) =>
      table.seats.forEach((seat, k) => {
        const path = `seating.plans.${i}.tables.${j}.seats.${k}.role`;
        if (!seat.role.startsWith('backer:')) {
          if (!scenario.playable.includes(seat.role)) add(path, `"${seat.role}" is not a playable role of ${scenario.id} (it has ${scenario.playable.join(', ')})`);
          return;
        }
        const backer = seat.role.slice('backer:'.length);
        if (!scenario.backers.includes(backer)) add(path, `${scenario.id} has no backer "${backer}" (it has ${scenario.backers.join(', ') || 'none'})`);
        else if (backerSeats && !scenario.playable.includes(seat.role)) add(path, `"${seat.role}" is not among the playable roles of ${scenario.id}`);
      }),
    ),
  );
  const named = (list: readonly { concepts?: readonly string[] }[], at: string) =>
    list.forEach((item, i) =>
      (item.concepts ?? []).forEach((c, j) => {
        if (!refs.concepts.has(c)) add(`${at}.${i}.concepts.${j}`, `there is no concept card "${c}" in the glossary`);
      }),
    );
  named(guide.questions, 'questions');
  named(guide.debrief, 'debrief');
  named(guide.assessment, 'assessment');
  return problems;
}

/** "levels/guides/x.json at lessons.0.steps: …", one line each. */
export function formatGuideProblems(problems: readonly GuideProblem[]): string {
  return problems.map((p) => `${p.file}${p.path ? ` at ${p.path}` : ''}: ${p.message}`).join('\n');
}
