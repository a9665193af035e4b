import type { ImportFieldDto } from '../api';

/**
 * The mapping after the user points `column` at `field`: a field is fed by one column only, so a
 * column that fed it before is set to ignore. `null` ignores the column.
 */
export function reassignColumn(
  columns: readonly (ImportFieldDto | null)[],
  column: number,
  field: ImportFieldDto | null,
): (ImportFieldDto | null)[] {
  return columns.map((current, i) => {
    if (i === column) return field;
    if (field !== null && current === field) return null;
    return current;
  });
}

/** The i18n key naming a detected delimiter. */
export function delimiterKey(delimiter: string): string {
  switch (delimiter) {
    case ',':
      return 'import.delimiter.comma';
    case ';':
      return 'import.delimiter.semicolon';
    case '\t':
      return 'import.delimiter.tab';
    default:
      return '';
  }
}

/** Progress as a fraction in 0..1, or null when the total is not known yet. */
export function progressFraction(done: number | null, total: number | null): number | null {
  if (done === null || total === null || total <= 0) return null;
  return Math.max(0, Math.min(1, done / total));
}
