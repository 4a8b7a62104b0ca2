// The game's own menu (the map's "Menu" button): save in a named slot, download the replay,
// copy a link to the game so far, or leave for the main menu.
import { type GameSession, readSlots, SLOT_COUNT } from '../game/session.ts';
import { openAfterActionOverlay } from './aar-open.ts';
import { copyLinkButton } from './briefing.ts';
import { append, button, clear, h } from './dom.ts';
import { downloadText, replayFileName } from './download.ts';
import { showModal } from './modals.ts';

/** Resolves 'leave' or 'stay'. */
export function showGameMenu(root: HTMLElement, session: GameSession): Promise<string> {
  const status = h('p', { class: 'small muted', role: 'status' });
  const say = (text: string) => {
    clear(status);
    append(status, text);
  };
  const slots = readSlots();
  const problems = slots.filter((s) => s.problem).map((s) => h('div', { class: 'notice' }, s.problem));
  const slotSelect = h('select', { 'aria-label': 'Save slot', id: 'save-slot' });
  for (let n = 1; n <= SLOT_COUNT; n++) {
    const save = slots[n - 1]?.save;
    slotSelect.append(h('option', { value: String(n) }, save ? `Slot ${n}: ${save.name ?? 'unnamed'} (turn ${save.orders.length + 1}) — replace` : `Slot ${n}: empty`));
  }
  const firstEmpty = slots.findIndex((s) => !s.save);
  slotSelect.value = String(firstEmpty >= 0 ? firstEmpty + 1 : 1);
  const nameInput = h('input', { type: 'text', 'aria-label': 'Name of the save', id: 'save-name' });
  nameInput.maxLength = 60;
  nameInput.value = `${session.scenario.title}, turn ${session.state.turn}`;
  const save = button('Save', () => {
    const n = Number(slotSelect.value);
    const ok = session.saveToSlot(n, nameInput.value);
    say(ok ? `Saved in slot ${n} (the orders queued for this turn are not part of a save).` : 'The browser refused to store the save (storage full or disabled).');
  }, { class: 'small', id: 'save-button' });
  const download = button('Download the replay', () => {
    downloadText(replayFileName(session.scenario.id, session.role, session.seed, session.history.length), session.toReplay());
    say('The replay file is in your downloads: open it from the main menu (Open a replay…) or check it with npm run sim -- --replay <file>.');
  }, { class: 'small', id: 'download-replay' });
  return showModal(
    root,
    {
      eyebrow: 'Menu',
      title: 'The game',
      body: [
        ...problems,
        h('section', null, h('h3', null, 'Save in a slot'), h('div', { class: 'btn-row' }, slotSelect, nameInput, save)),
        h(
          'section',
          null,
          h('h3', null, 'Share'),
          h('p', { class: 'small muted' }, 'A replay file holds every order of every turn and can be watched turn by turn. The link opens this game at this turn.'),
          h('div', { class: 'btn-row' }, download, copyLinkButton(session)),
        ),
        status,
        h('p', { class: 'small muted' }, 'The game also saves itself after every turn; Continue on the main menu picks it up.'),
      ],
      actions: [
        button('Leave to the main menu', () => {}, { class: 'ghost' }),
        button('Charts of the war so far', () => {}, { id: 'menu-charts', title: 'The war turn by turn, with what your panels show' }),
        button('Back to the game', () => {}, { class: 'primary' }),
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
