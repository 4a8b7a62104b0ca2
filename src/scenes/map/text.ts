// Text objects without measuring the font again for every label: Phaser measures a font's
// ascent and descent (on a scratch canvas) each time a Text is made; the answer only depends
// on the font, so it is kept per font. Map text is only made once the web fonts are in
// (assets.ts), so the first measure of a font is the right one.
import Phaser from 'phaser';

type Style = Phaser.Types.GameObjects.Text.TextStyle;

const metricsByFont = new Map<string, Phaser.Types.GameObjects.Text.TextMetrics>();

function fontKey(style: Style): string {
  return `${style.fontStyle ?? ''} ${style.fontSize ?? ''} ${style.fontFamily ?? ''}`.trim();
}

/** A Text object; on the display list unless `onList` is false (then the caller draws and destroys it). */
export function makeText(scene: Phaser.Scene, x: number, y: number, text: string, style: Style, onList = true): Phaser.GameObjects.Text {
  const key = fontKey(style);
  const metrics = metricsByFont.get(key);
  const t = new Phaser.GameObjects.Text(scene, x, y, text, metrics ? { ...style, metrics } : style);
  if (!metrics) metricsByFont.set(key, t.style.getTextMetrics());
  if (onList) scene.add.existing(t);
  return t;
}

