/** The date-format choice: a live preview of converted dates and a guess from the sample values. */
import { isIsoDate } from '../../../../../shared/domain/dates.ts';
import { DATE_FORMATS, convertDate, type DateFormat } from '../../../../../shared/package-spec/mapping.ts';

export interface DatePreview {
  readonly raw: string;
  /** The ISO date, or null when the value does not fit the format. */
  readonly iso: string | null;
}

/** Converts each sample exactly as the importer will (which also takes a value already in ISO form). */
export function previewDates(samples: readonly string[], format: DateFormat): DatePreview[] {
  return samples
    .filter((s) => s.trim() !== '')
    .map((raw) => {
      const converted = convertDate(raw, format);
      return { raw, iso: isIsoDate(converted) ? converted : null };
    });
}

/**
 * The first format (in DATE_FORMATS order, so US month-first before day-first) that converts every
 * sample; null when none does or there are no samples.
 */
export function guessDateFormat(samples: readonly string[]): DateFormat | null {
  const present = samples.filter((s) => s.trim() !== '');
  if (present.length === 0) return null;
  return DATE_FORMATS.find((format) => previewDates(present, format).every((p) => p.iso !== null)) ?? null;
}
