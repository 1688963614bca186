/**
 * Fits a category label (a payer's name, a study) under its bar: up to two lines broken at spaces,
 * each no wider than the bar's slot, the rest cut with an ellipsis. A fixed character cut let long
 * payer names run into each other when there were only a few wide slots and still cut them when
 * there was room; the full name stays in the tooltip and the table under the chart.
 */

/** Average advance of an upper-case character at the tick's 12 px font, a little generous. */
export const TICK_CHAR_WIDTH_PX = 7.5;

/** The lines to draw for `label` in a slot `slotPx` wide (at least one line, at most `maxLines`). */
export function fitTickLabel(label: string, slotPx: number, maxLines = 2): string[] {
  const maxChars = Math.max(3, Math.floor(slotPx / TICK_CHAR_WIDTH_PX));
  const words = label.trim().split(/\s+/).filter((w) => w.length > 0);
  if (words.length === 0) return [''];
  const lines: string[] = [];
  let current = '';
  let index = 0;
  while (index < words.length && lines.length < maxLines) {
    const word = words[index] as string;
    const candidate = current === '' ? word : `${current} ${word}`;
    if (candidate.length <= maxChars) {
      current = candidate;
      index++;
      continue;
    }
    if (current === '') {
      // A single word longer than the slot gets its own line, cut: a name's start is what
      // people recognise ("UNITEDHEALTH…"), a word broken in two is not.
      if (lines.length === maxLines - 1) break;
      lines.push(`${word.slice(0, maxChars - 1)}…`);
      index++;
      continue;
    }
    // The next word does not fit: on the last line the rest is cut below, otherwise wrap.
    if (lines.length === maxLines - 1) break;
    lines.push(current);
    current = '';
  }
  if (index >= words.length) {
    if (current !== '') lines.push(current);
    return lines;
  }
  // Words are left over: the last line ends with an ellipsis within the slot.
  const rest = [current, ...words.slice(index)].filter((w) => w !== '').join(' ');
  lines.push(`${rest.slice(0, maxChars - 1).trimEnd()}…`);
  return lines;
}
