// Saving a file from the page (a replay): a Blob and a link with `download`, all local.

export function downloadText(fileName: string, text: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** "ceasefire-line-sirte-2020-gna-seed42-turn7.json": only safe characters. */
export function replayFileName(scenarioId: string, role: string, seed: string, turns: number): string {
  const clean = (s: string) => s.replace(/[^A-Za-z0-9_-]/g, '').slice(0, 32) || 'x';
  return `ceasefire-line-${clean(scenarioId)}-${clean(role)}-seed${clean(seed)}-turn${turns}.json`;
}
