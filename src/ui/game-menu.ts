// The game's own menu (the map's "Menu" button): save in a named slot, download the replay,
// copy a link to the game so far, or leave for the main menu.
import { type GameSession, readSlots, SLOT_COUNT } from '../game/session.ts';
import { t } from '../i18n/index.ts';
import { openAfterActionOverlay } from './aar-open.ts';
import { copyLinkButton } from './briefing.ts';
import { append, button, clear, h, untranslated } from './dom.ts';
import { downloadText, replayFileName } from './download.ts';
import { errorText } from './error-text.ts';
import { showModal } from './modals.ts';

/** Resolves 'leave' or 'stay'. */
export function showGameMenu(root: HTMLElement, session: GameSession): Promise<string> {
  const status = h('p', { class: 'small muted', role: 'status' });
  const say = (text: string) => {
    clear(status);
    append(status, text);
  };
  const slots = readSlots();
  // What went wrong with a stored save, in the player's language.
  const problems = slots.flatMap((s) => (s.problemMsg ? [h('div', { class: 'notice' }, errorText(s.problemMsg))] : []));
  const slotSelect = h('select', { 'aria-label': t('game.save.slot'), id: 'save-slot' });
  for (let n = 1; n <= SLOT_COUNT; n++) {
    const save = slots[n - 1]?.save;
    slotSelect.append(h('option', { value: String(n) }, save ? t('game.save.slotUsed', { n, name: save.name ?? t('game.save.unnamed'), turn: save.orders.length + 1 }) : t('game.save.slotEmpty', { n })));
  }
  const firstEmpty = slots.findIndex((s) => !s.save);
  slotSelect.value = String(firstEmpty >= 0 ? firstEmpty + 1 : 1);
  const nameInput = h('input', { type: 'text', 'aria-label': t('game.save.name'), id: 'save-name' });
  nameInput.maxLength = 60;
  nameInput.value = t('game.save.defaultName', { title: session.scenario.title, turn: session.state.turn });
  const save = button(t('game.save.save'), () => {
    const n = Number(slotSelect.value);
    const ok = session.saveToSlot(n, nameInput.value);
    say(ok ? t('game.save.saved', { n }) : t('game.save.refused'));
  }, { class: 'small', id: 'save-button' });
  const download = button(t('game.save.download'), () => {
    downloadText(replayFileName(session.scenario.id, session.role, session.seed, session.history.length), session.toReplay());
    say(t('game.save.downloaded'));
  }, { class: 'small', id: 'download-replay' });
  return showModal(
    root,
    {
      eyebrow: t('game.menu'),
      title: t('game.save.title'),
      body: [
        ...problems,
        h('section', null, h('h3', null, t('game.save.inSlot')), h('div', { class: 'btn-row' }, slotSelect, nameInput, save)),
        h(
          'section',
          null,
          h('h3', null, t('game.save.share')),
          h('p', { class: 'small muted' }, t('game.save.shareNote')),
          // The link button belongs to the briefing (not translated yet): English, marked so.
          h('div', { class: 'btn-row' }, download, untranslated(copyLinkButton(session))),
        ),
        status,
        h('p', { class: 'small muted' }, t('game.save.autosave')),
      ],
      actions: [
        button(t('game.save.leave'), () => {}, { class: 'ghost' }),
        button(t('game.save.charts'), () => {}, { id: 'menu-charts', title: t('game.save.chartsTitle') }),
        button(t('game.save.back'), () => {}, { class: 'primary' }),
      ],
      dismissValue: 'stay',
    },
    ['leave', 'charts', 'stay'],
  ).then((choice) => {
    // "Charts of the war" closes the menu (as its buttons do) and opens the charts over the map.
    if (choice === 'charts') {
      openAfterActionOverlay(root, session, { during: true });
      return 'stay';
    }
    return choice;
  });
}
