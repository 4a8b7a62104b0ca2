// The simulation core (src/sim) is pure: no engine, no audio, no Node, no DOM, no clock,
// no ambient randomness. Two guards: a scan of the source text, and the core's own
// tsconfig, which has neither DOM nor Node types (proved to bite by a probe file).
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
const SIM = join(ROOT, 'src/sim');
const PROBE = join(SIM, '__purity_probe.ts');

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? tsFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []))
    .filter((f) => f !== PROBE)
    .sort();
}

/**
 * Blanks out comments (keeping line breaks, so line numbers still hold) and leaves code
 * and string contents alone. Understands quotes, template literals with ${…} nesting and
 * the common regex literals.
 */
function stripComments(source: string): string {
  let out = '';
  let i = 0;
  const templateDepth: number[] = []; // brace depth at which each open ${ … } returns to its template
  let braces = 0;
  let lastSignificant = '';
  const blank = (s: string) => s.replace(/[^\n]/g, ' ');
  const readString = (quote: string) => {
    let j = i + 1;
    while (j < source.length && source[j] !== quote && source[j] !== '\n') j += source[j] === '\\' ? 2 : 1;
    out += source.slice(i, j + 1);
    i = j + 1;
  };
  const readTemplate = () => {
    // i is just after a backtick or a closing } of a ${ … }
    let j = i;
    while (j < source.length) {
      if (source[j] === '\\') j += 2;
      else if (source[j] === '`') {
        out += source.slice(i, j + 1);
        i = j + 1;
        return;
      } else if (source[j] === '$' && source[j + 1] === '{') {
        out += source.slice(i, j + 2);
        i = j + 2;
        templateDepth.push(braces);
        braces++;
        return;
      } else j++;
    }
    out += source.slice(i);
    i = source.length;
  };
  while (i < source.length) {
    const c = source[i] as string;
    const next = source[i + 1];
    if (c === '/' && next === '/') {
      const end = source.indexOf('\n', i);
      const stop = end === -1 ? source.length : end;
      out += blank(source.slice(i, stop));
      i = stop;
    } else if (c === '/' && next === '*') {
      const end = source.indexOf('*/', i + 2);
      const stop = end === -1 ? source.length : end + 2;
      out += blank(source.slice(i, stop));
      i = stop;
    } else if (c === '"' || c === "'") {
      readString(c);
      lastSignificant = c;
    } else if (c === '`') {
      out += c;
      i++;
      readTemplate();
      lastSignificant = '`';
    } else if (c === '/' && (lastSignificant === '' || /[(,=:[!&|?{};+\-*%<>~^]/.test(lastSignificant))) {
      // a regex literal
      let j = i + 1;
      let inClass = false;
      while (j < source.length && source[j] !== '\n') {
        if (source[j] === '\\') j += 2;
        else {
          if (source[j] === '[') inClass = true;
          else if (source[j] === ']') inClass = false;
          else if (source[j] === '/' && !inClass) break;
          j++;
        }
      }
      out += source.slice(i, j + 1);
      i = j + 1;
      lastSignificant = '/';
    } else {
      if (c === '{') braces++;
      else if (c === '}') {
        braces--;
        if (templateDepth.length && templateDepth[templateDepth.length - 1] === braces) {
          templateDepth.pop();
          out += c;
          i++;
          readTemplate();
          lastSignificant = '`';
          continue;
        }
      }
      out += c;
      i++;
      if (!/\s/.test(c)) lastSignificant = c;
    }
  }
  return out;
}

const FORBIDDEN_MODULES = (spec: string): string | null => {
  if (spec === 'phaser' || spec.startsWith('phaser/')) return 'the game engine';
  if (spec === 'howler' || spec.startsWith('howler/')) return 'audio';
  if (spec.startsWith('node:')) return 'a Node built-in';
  const bare = spec.split('/')[0] as string;
  if (builtinModules.includes(bare)) return 'a Node built-in';
  return null;
};

const FORBIDDEN_TEXT: { pattern: RegExp; why: string }[] = [
  { pattern: /\bMath\.random\b/, why: 'ambient randomness (use the game RNG)' },
  { pattern: /\bDate\.now\b/, why: 'the clock' },
  { pattern: /\bperformance\./, why: 'the clock' },
  { pattern: /\.localeCompare\b|\.toLocale\w*\b|\bIntl\./, why: "the machine's locale (use compareIds)" },
  { pattern: /\bwindow\./, why: 'the DOM' },
  { pattern: /\bdocument\./, why: 'the DOM' },
  { pattern: /\blocalStorage\b/, why: 'storage' },
  { pattern: /\bsetTimeout\b/, why: 'timers' },
];

const IMPORT_PATTERNS = [
  /\bimport\s+(?:type\s+)?[^'";]*?\bfrom\s*['"]([^'"]+)['"]/g,
  /\bexport\s+(?:type\s+)?[^'";]*?\bfrom\s*['"]([^'"]+)['"]/g,
  /\bimport\s*['"]([^'"]+)['"]/g,
  /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  /\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  /\bdeclare\s+module\s+['"]([^'"]+)['"]/g,
];

function importsOf(code: string): string[] {
  return IMPORT_PATTERNS.flatMap((re) => [...code.matchAll(re)].map((m) => m[1] as string));
}

function lineOf(code: string, index: number): number {
  return code.slice(0, index).split('\n').length;
}

function impurities(file: string, source: string): string[] {
  const code = stripComments(source);
  const name = relative(ROOT, file);
  const found: string[] = [];
  for (const spec of importsOf(code)) {
    const why = FORBIDDEN_MODULES(spec);
    if (why) found.push(`${name}: imports "${spec}" (${why})`);
  }
  for (const { pattern, why } of FORBIDDEN_TEXT) {
    const re = new RegExp(pattern.source, 'g');
    for (const m of code.matchAll(re)) found.push(`${name}:${lineOf(code, m.index)}: ${m[0]} (${why})`);
  }
  return found;
}

function tscSim(): { status: number | null; output: string } {
  const r = spawnSync('npx', ['tsc', '-p', 'src/sim/tsconfig.json', '--noEmit'], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

describe('the scanner', () => {
  it('ignores comments but not code or strings', () => {
    const sample = [
      '// Math.random() is banned',
      '/* Date.now() and',
      '   window.foo */',
      "const url = 'http://example.com'; const r = Math.random();",
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the sample is source text with a template literal in it
      "const re = /\\/\\//; const t = `a ${'b'} ${{ x: 1 }.x} c`; Date.now();",
      '/** setTimeout */ const ok = 1;',
      "import { readFileSync } from 'fs';",
      "import type { X } from 'node:path';",
      "import 'phaser';",
      "export { Howl } from 'howler';",
      "import { v } from 'valibot';",
      'const s = "document.title";',
    ].join('\n');
    const found = impurities(join(ROOT, 'sample.ts'), sample);
    expect(found).toEqual([
      'sample.ts: imports "fs" (a Node built-in)',
      'sample.ts: imports "node:path" (a Node built-in)',
      'sample.ts: imports "howler" (audio)',
      'sample.ts: imports "phaser" (the game engine)',
      'sample.ts:4: Math.random (ambient randomness (use the game RNG))',
      'sample.ts:5: Date.now (the clock)',
      'sample.ts:12: document. (the DOM)',
    ]);
  });

  it('keeps line numbers through comments', () => {
    const source = '/* a\n b\n c */\nx';
    expect(stripComments(source).split('\n')).toHaveLength(4);
    expect(stripComments(source).trim()).toBe('x');
  });
});

describe('src/sim is pure', () => {
  it('no file imports the engine, audio or Node, or reaches for the clock, the DOM, storage, timers or Math.random', () => {
    const files = tsFiles(SIM);
    expect(files.length).toBeGreaterThan(10);
    expect(files.some((f) => f.includes(`${join('src', 'sim', 'rules')}`))).toBe(true);
    const found = files.flatMap((f) => impurities(f, readFileSync(f, 'utf8')));
    expect(found).toEqual([]);
  });

  it('the core compiles with its own tsconfig (no DOM or Node types)', () => {
    const { status, output } = tscSim();
    expect(output).toBe('');
    expect(status).toBe(0);
  });

  it('the tsconfig guard bites: a probe file that reads document.title fails to compile', () => {
    try {
      writeFileSync(PROBE, '// Written and deleted by test/purity.test.ts.\nexport const title: string = document.title;\n');
      const { status, output } = tscSim();
      expect(status).not.toBe(0);
      expect(status).not.toBeNull();
      expect(output).toContain('__purity_probe.ts');
      expect(output).toMatch(/document/);
    } finally {
      rmSync(PROBE, { force: true });
    }
  });
});
