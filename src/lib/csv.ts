// CSV for spreadsheets (RFC 4180: CRLF line ends, fields quoted when they need it), with a
// guard against formula injection: a text cell that a spreadsheet would run as a formula
// (starting with = + - @, or a tab or carriage return) gets a leading apostrophe, so a
// commitment titled "=HYPERLINK(...)" shows as text instead of running.

import { stringify } from 'csv-stringify/sync';

const FORMULA_START = /^[=+\-@\t\r]/;

export type CsvValue = string | number | boolean | null | undefined;

/** Text a spreadsheet would run as a formula, with an apostrophe before it; other text as is. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** A value as the text of its cell: empty when missing, formulas guarded. */
function cellText(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return neutraliseFormula(value);
}

// Quoting and escaping are csv-stringify's (the same library streams the open data files);
// cells with a line break of either kind (it quotes only the record delimiter, CRLF), or with
// leading or trailing spaces, are quoted too, so they survive a round trip.
const OPTIONS = { record_delimiter: 'windows', quoted_match: /[\r\n]|^\s|\s$/ } as const;

/** Rows of cells as CSV text: CRLF after every row, so files concatenate cleanly. */
export function toCsv(rows: readonly (readonly CsvValue[])[]): string {
  return stringify(
    rows.map((row) => row.map(cellText)),
    OPTIONS
  );
}

/** One cell, guarded and quoted as needed. Numbers are never treated as formulas. */
export function csvCell(value: CsvValue): string {
  return toCsv([[value]]).slice(0, -2);
}

/**
 * A file name safe in a Content-Disposition header: letters, digits, dots, dashes and
 * underscores only.
 */
export function csvFileName(base: string): string {
  const safe = base.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'export';
  return safe.endsWith('.csv') ? safe : `${safe}.csv`;
}
