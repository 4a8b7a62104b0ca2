// Player settings. Sound (volumes, mute) belongs to the audio module (src/audio/audio.ts),
// which keeps it; display settings (motion, text size) are kept here and applied to the page.
import * as audio from '../audio/audio.ts';

export interface Settings {
  music: number;
  effects: number;
  muted: boolean;
  reducedMotion: boolean;
  largeText: boolean;
}

type DisplaySettings = Pick<Settings, 'reducedMotion' | 'largeText'>;

const KEY = 'ceasefire-line:settings';

let display: DisplaySettings = load();

function load(): DisplaySettings {
  const reducedMotion = typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
  try {
    const data = JSON.parse(localStorage.getItem(KEY) ?? 'null') as Partial<DisplaySettings> | null;
    return {
      reducedMotion: typeof data?.reducedMotion === 'boolean' ? data.reducedMotion : reducedMotion,
      largeText: data?.largeText === true,
    };
  } catch {
    return { reducedMotion, largeText: false };
  }
}

export function settings(): Readonly<Settings> {
  return { ...audio.getSettings(), ...display };
}

export function updateSettings(patch: Partial<Settings>): void {
  if (patch.music !== undefined) audio.setVolume('music', patch.music);
  if (patch.effects !== undefined) audio.setVolume('effects', patch.effects);
  if (patch.muted !== undefined) audio.setMuted(patch.muted);
  if (patch.reducedMotion !== undefined || patch.largeText !== undefined) {
    display = { reducedMotion: patch.reducedMotion ?? display.reducedMotion, largeText: patch.largeText ?? display.largeText };
    try {
      localStorage.setItem(KEY, JSON.stringify(display));
    } catch {
      // Not saved; still applied for this session.
    }
    applySettings();
  }
}

export function applySettings(): void {
  document.documentElement.classList.toggle('large-text', display.largeText);
  document.documentElement.classList.toggle('reduced-motion', display.reducedMotion);
}

/** Arms sound: the audio module starts on the page's first user gesture. */
export function startAudio(): void {
  audio.init();
  // A click on any button of the overlay sounds a click.
  window.addEventListener('click', (e) => {
    if ((e.target as Element | null)?.closest?.('button:not(:disabled)')) sfx('click');
  });
}

export function sfx(effect: string): void {
  audio.play(effect);
}

export function music(mood: string | null): void {
  audio.music(mood);
}
