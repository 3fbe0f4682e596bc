// Helpers for the steering tests: members with and without the steering role, their app
// cookie, page fetches tagged with a request id, raw-table reads with the service role,
// and a small CSV parser to read the export back.
import { randomUUID } from 'node:crypto';
import type { Session } from '@supabase/supabase-js';
import { TZDate } from '@date-fns/tz';
import { apiRequestsFor, hub, serviceClient, signedInClient, uniqueEmail } from './hub.ts';

// @supabase/ssr names the cookie after the API host's first label (127.0.0.1 → "127") and
// splits values longer than 3180 characters into numbered chunks.
const COOKIE = 'sb-127-auth-token';
const CHUNK = 3180;

export function sessionCookie(session: Session): string {
  const value = `base64-${Buffer.from(JSON.stringify(session)).toString('base64url')}`;
  if (value.length <= CHUNK) return `${COOKIE}=${value}`;
  const parts: string[] = [];
  for (let i = 0; i * CHUNK < value.length; i++) {
    parts.push(`${COOKIE}.${i}=${value.slice(i * CHUNK, (i + 1) * CHUNK)}`);
  }
  return parts.join('; ');
}

/** A new member signed in through the emailed-code flow; `steering` grants the role. */
export async function steerMember(label: string, opts: { steering?: boolean } = {}) {
  const signedIn = await signedInClient(uniqueEmail(`steer-${label}`));
  if (opts.steering) {
    const { error } = await serviceClient()
      .from('network_roles')
      .insert({ user_id: signedIn.user.id, role: 'steering' });
    if (error) throw error;
  }
  return { ...signedIn, cookie: sessionCookie(signedIn.session) };
}

/** GETs an app path (as whoever's cookie is given), tagged with a fresh request id. */
export async function fetchApp(path: string, cookie?: string) {
  const requestId = randomUUID();
  const response = await fetch(`${hub().appUrl}${path}`, {
    headers: { 'x-request-id': requestId, ...(cookie ? { cookie } : {}) },
    redirect: 'manual'
  });
  return { response, body: await response.text(), requestId };
}

/** PostgREST requests the app made while answering one request. */
export async function restRequests(requestId: string): Promise<number> {
  return (await apiRequestsFor(requestId)).filter((r) => r.service === 'rest').length;
}

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
