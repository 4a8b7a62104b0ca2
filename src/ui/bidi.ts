// Figures written left to right ("~1,200–1,800", "5 / 10") kept in that order inside
// right-to-left text: isolated (U+2066 … U+2069) in a right-to-left language, untouched otherwise.
import { isRtl } from '../i18n/index.ts';

export const isolate = (text: string): string => (isRtl() ? `\u2066${text}\u2069` : text);
