// A problem's message code (ProblemMessage: a key of locales/<lang>/errors.json) told in the
// current language, with the scenario titles given by the caller: the game names them from its
// catalogue (src/ui/error-text.ts errorText), the command line from the scenario it loaded. It
// reaches no Vite loader, so it runs in Node too (value conventions: src/ui/error-text.ts).

import { t } from '../i18n/index.ts';
import type { ProblemMessage, ReportMessage } from '../sim/types.ts';
import { messageText } from './report-text.ts';

export function problemText(msg: ProblemMessage, scenarioTitle: (id: string) => string = (id) => id): string {
  const values: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(msg.values)) {
    if (typeof value === 'object') values[name] = value.key.startsWith('errors.') ? problemText(value, scenarioTitle) : messageText(value as ReportMessage);
    else if (name.startsWith('scenario') && typeof value === 'string') values[name] = scenarioTitle(value);
    else values[name] = value;
  }
  return t(msg.key, values);
}
