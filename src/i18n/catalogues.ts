// The namespace registry: one row per namespace. English is bundled (it is every language's
// fallback); every other language is a loader function, so that its catalogue is a chunk of
// its own, fetched only when that language is chosen. Explicit import() calls, not
// import.meta.glob: the Node CLI (tsx) reaches this module and has no glob.
//
// To add a namespace `foo`: write locales/<lang>/foo.json for every language (keys "foo.…"),
// import the English file below and add one row to NAMESPACES. `npm run i18n-check` tells
// what is missing. To add a language: see locales/README.md.

import enClassroom from '../../locales/en/classroom.json';
import enConsole from '../../locales/en/console.json';
import enDialogs from '../../locales/en/dialogs.json';
import enEnding from '../../locales/en/ending.json';
import enErrors from '../../locales/en/errors.json';
import enExplorer from '../../locales/en/explorer.json';
import enGame from '../../locales/en/game.json';
import enGuide from '../../locales/en/guide.json';
import enMenu from '../../locales/en/menu.json';
import enNames from '../../locales/en/names.json';
import enOrders from '../../locales/en/orders.json';
import enReasons from '../../locales/en/reasons.json';
import enReport from '../../locales/en/report.json';

/** A catalogue: flat keys (prefixed with their namespace) to ICU MessageFormat strings. */
export type Catalogue = Readonly<Record<string, string>>;
type Loader = () => Promise<{ default: Catalogue }>;
/** The languages whose catalogues are loaded on demand (English is bundled; qps is made from English). */
export type LoadedLang = 'ar' | 'fr' | 'it';

export const NAMESPACES: Record<string, { en: Catalogue } & Record<LoadedLang, Loader>> = {
  menu: { en: enMenu, ar: () => import('../../locales/ar/menu.json'), fr: () => import('../../locales/fr/menu.json'), it: () => import('../../locales/it/menu.json') },
  game: { en: enGame, ar: () => import('../../locales/ar/game.json'), fr: () => import('../../locales/fr/game.json'), it: () => import('../../locales/it/game.json') },
  ending: { en: enEnding, ar: () => import('../../locales/ar/ending.json'), fr: () => import('../../locales/fr/ending.json'), it: () => import('../../locales/it/ending.json') },
  dialogs: { en: enDialogs, ar: () => import('../../locales/ar/dialogs.json'), fr: () => import('../../locales/fr/dialogs.json'), it: () => import('../../locales/it/dialogs.json') },
  report: { en: enReport, ar: () => import('../../locales/ar/report.json'), fr: () => import('../../locales/fr/report.json'), it: () => import('../../locales/it/report.json') },
  guide: { en: enGuide, ar: () => import('../../locales/ar/guide.json'), fr: () => import('../../locales/fr/guide.json'), it: () => import('../../locales/it/guide.json') },
  explorer: { en: enExplorer, ar: () => import('../../locales/ar/explorer.json'), fr: () => import('../../locales/fr/explorer.json'), it: () => import('../../locales/it/explorer.json') },
  classroom: { en: enClassroom, ar: () => import('../../locales/ar/classroom.json'), fr: () => import('../../locales/fr/classroom.json'), it: () => import('../../locales/it/classroom.json') },
  console: { en: enConsole, ar: () => import('../../locales/ar/console.json'), fr: () => import('../../locales/fr/console.json'), it: () => import('../../locales/it/console.json') },
  reasons: { en: enReasons, ar: () => import('../../locales/ar/reasons.json'), fr: () => import('../../locales/fr/reasons.json'), it: () => import('../../locales/it/reasons.json') },
  errors: { en: enErrors, ar: () => import('../../locales/ar/errors.json'), fr: () => import('../../locales/fr/errors.json'), it: () => import('../../locales/it/errors.json') },
  orders: { en: enOrders, ar: () => import('../../locales/ar/orders.json'), fr: () => import('../../locales/fr/orders.json'), it: () => import('../../locales/it/orders.json') },
  names: { en: enNames, ar: () => import('../../locales/ar/names.json'), fr: () => import('../../locales/fr/names.json'), it: () => import('../../locales/it/names.json') },
};
