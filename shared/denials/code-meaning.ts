/**
 * Code meanings as a letter to a payer quotes them. The catalogue's descriptions (shared/remit) end
 * with our advice to the coordinator ("...; correct and resubmit"); a payer-facing document keeps only
 * the meaning, the part before the first '; ' (or, failing that, ': ').
 */
import { lookupCarc, lookupGroupCode, lookupRarc } from '../remit/codes.ts';

/** The meaning part of a catalogue description. */
export function meaningOnly(description: string): string {
  const cut = description.indexOf('; ') >= 0 ? description.indexOf('; ') : description.indexOf(': ');
  const text = cut >= 0 ? description.slice(0, cut) : description.replace(/\.$/, '');
  return `${text.replace(/\.$/, '')}.`;
}

/** 'CO-50' -> 'Contractual obligation. Payer judged the service not medically necessary.' */
export function adjustmentMeaning(group: string, reason: string): string {
  const carc = lookupCarc(reason);
  const groupName = lookupGroupCode(group)?.description.split(':')[0] ?? group;
  return `${carc ? meaningOnly(carc.description) : 'Reason code not in our catalogue.'} (${groupName.toLowerCase()})`;
}

/** 'MA130' -> 'Unprocessable: information missing or invalid.' */
export function remarkMeaning(code: string): string {
  const rarc = lookupRarc(code);
  return rarc ? meaningOnly(rarc.description) : 'Remark code not in our catalogue.';
}
