// Which strings of the content files (levels/: scenarios, maps, the glossary, the primer, the
// teacher's guides, the record) the player reads, and the key each is translated under.
//
// The content files stay the game's English source, and the sim reads them untouched (a
// scenario's hash covers its text, so replays and links stay the same in every language). A
// translation is a flat catalogue per file, locales/<lang>/content/<name>.json, from key to
// text; locales/en/content/ holds the English as extracted (npm run i18n-extract), the file
// translators work from.
//
// Keys follow the file's structure: object fields by name, array items by their `id` when
// they have one, else by position. Examples:
//   events.oil-blockade.title                          (sirte-2020's scenario)
//   events.berlin.choice.options.attend.outcome
//   objectives.gna.goals.0
//   lessons.0.steps.3.text                             (a teacher's guide)
//
// What is translated: the string values of the fields in TEXT_FIELDS (and every string under a
// `briefing`), unless the value is an id ("lna", "al-watiya") or has no letter ("2020–2021").
// Sources (`source`, `url`) are citations into the English reference and are not shown.
//
// No DOM, no Node: the extractor (tools/content-extract.ts), the check and the game share it.

const TEXT_FIELDS: ReadonlySet<string> = new Set([
  'title', 'subtitle', 'text', 'name', 'shortName', 'leader', 'note', 'motive', 'label', 'hint', 'outcome',
  'description', 'summary', 'goals', 'objectives', 'by', 'disputedBy', 'plain', 'example', 'inGame', 'when',
  'abroad', 'intro', 'question', 'notes', 'paragraphs', 'answer', 'audience', 'shortForm', 'about', 'fromWhen',
  'toWhen', 'why', 'year', 'headline', 'tab',
]);

const ID_LIKE = /^[a-z0-9][a-z0-9:-]*$/;
const HAS_LETTER = /\p{L}/u;

/** Whether a string value at `field` (under a `briefing` or not) is text for the player. */
export function isText(field: string, value: string, underBriefing: boolean): boolean {
  if (!(underBriefing || TEXT_FIELDS.has(field))) return false;
  return HAS_LETTER.test(value) && !ID_LIKE.test(value);
}

/** The key segment of an array item: its id, or its position. */
function itemKey(item: unknown, i: number): string {
  if (item && typeof item === 'object' && !Array.isArray(item)) {
    const id = (item as { id?: unknown }).id;
    if (typeof id === 'string' && id) return id;
  }
  return String(i);
}

/**
 * Visits every text leaf of `tree`: `visit(key, value)`. `skip` names top-level fields not to
 * enter (a loaded scenario's `map` and `lesson`, which have content files of their own).
 */
export function eachText(tree: unknown, visit: (key: string, value: string) => void, skip: ReadonlySet<string> = new Set()): void {
  const walk = (node: unknown, key: string, field: string, underBriefing: boolean): void => {
    if (typeof node === 'string') {
      if (isText(field, node, underBriefing)) visit(key, node);
      return;
    }
    if (Array.isArray(node)) {
      node.forEach((item, i) => walk(item, `${key}.${itemKey(item, i)}`, field, underBriefing));
      return;
    }
    if (node && typeof node === 'object') {
      for (const [name, child] of Object.entries(node)) {
        if (!key && skip.has(name)) continue;
        walk(child, key ? `${key}.${name}` : name, name, underBriefing || name === 'briefing');
      }
    }
  };
  walk(tree, '', '', false);
}

/**
 * A copy of `tree` with each text leaf replaced by `tell(key, english)` (the same structure, so
 * every id, number and reference is unchanged). Fields in `skip` are kept as they are (shared,
 * not copied).
 */
export function retold<T>(tree: T, tell: (key: string, english: string) => string, skip: ReadonlySet<string> = new Set()): T {
  const walk = (node: unknown, key: string, field: string, underBriefing: boolean): unknown => {
    if (typeof node === 'string') return isText(field, node, underBriefing) ? tell(key, node) : node;
    if (Array.isArray(node)) return node.map((item, i) => walk(item, `${key}.${itemKey(item, i)}`, field, underBriefing));
    if (node && typeof node === 'object') {
      const out: Record<string, unknown> = {};
      for (const [name, child] of Object.entries(node)) {
        out[name] = !key && skip.has(name) ? child : walk(child, key ? `${key}.${name}` : name, name, underBriefing || name === 'briefing');
      }
      return out;
    }
    return node;
  };
  return walk(tree, '', '', false) as T;
}

/** The catalogue of a content file: key → English. */
export function extractText(tree: unknown, skip?: ReadonlySet<string>): Record<string, string> {
  const out: Record<string, string> = {};
  eachText(tree, (key, value) => {
    out[key] = value;
  }, skip);
  return out;
}
