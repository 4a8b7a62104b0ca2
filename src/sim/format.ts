// Numbers in report sentences, written the same way on every machine (no locale lookup).

/** 12345 → "12,345". */
export function thousands(n: number): string {
  const sign = n < 0 ? '-' : '';
  const digits = String(Math.abs(Math.round(n)));
  return sign + digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
