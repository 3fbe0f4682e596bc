// Helpers for the steering tests: raw-table reads with the service role, London dates,
// and readers for what the steering pages and the CSV export show.
import { TZDate } from '@date-fns/tz';
import { serviceClient } from './hub.ts';

/** Every row of a table through the service role, 1,000 at a time (PostgREST's cap). */
export async function allRows<T>(table: string, columns: string): Promise<T[]> {
  const rows: T[] = [];
  for (let from = 0; ; from += 1000) {
    const { data, error } = await serviceClient()
      .from(table as 'commitments')
      .select(columns)
      .order('id')
      .range(from, from + 999);
    if (error) throw error;
    rows.push(...(data as unknown as T[]));
    if (!data || data.length < 1000) return rows;
  }
}

/** The instant a London calendar date ("2026-11-27") begins. */
export function londonMidnight(date: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(new TZDate(y, m - 1, d, 'Europe/London').getTime());
}

/** RFC 4180 CSV to rows of strings (quoted fields, doubled quotes, CRLF). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** The text inside the cells of the table row carrying `data-<attr>="<value>"`. */
export function rowCells(html: string, attr: string, value: string): string[] | null {
  const start = html.indexOf(`data-${attr}="${value}"`);
  if (start < 0) return null;
  const end = html.indexOf('</tr>', start);
  const row = html.slice(start, end);
  return [...row.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((m) =>
    m[1]!
      .replace(/<[^>]+>/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
  );
}
