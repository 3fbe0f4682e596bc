// Helpers for tests that use the app as a browser would: fetch pages as a visitor or as a
// signed-in member (the session cookie @supabase/ssr would have set), post form actions
// the way a browser without JavaScript does, and count data API round trips per page.
import { randomUUID } from 'node:crypto';
import type { Session } from '@supabase/supabase-js';
import { apiRequestsFor, hub, serviceClient, signedInClient, uniqueEmail } from './hub.ts';

// @supabase/ssr names its cookie after the first label of the API host (127.0.0.1 → "127")
// and splits values longer than 3180 characters into .0, .1, ... chunks.
const COOKIE = 'sb-127-auth-token';
const CHUNK = 3180;

/** The Cookie header a browser signed in with `session` would send. */
export function sessionCookie(session: Session): string {
  const value = `base64-${Buffer.from(JSON.stringify(session)).toString('base64url')}`;
  if (value.length <= CHUNK) return `${COOKIE}=${value}`;
  const parts: string[] = [];
  for (let i = 0; i * CHUNK < value.length; i++) {
    parts.push(`${COOKIE}.${i}=${value.slice(i * CHUNK, (i + 1) * CHUNK)}`);
  }
  return parts.join('; ');
}

/**
 * A new member, signed in through the real emailed-code flow, with their app cookie.
 * `steering` also gives them the steering group role.
 */
export async function member(label = 'member', opts: { steering?: boolean } = {}) {
  const signedIn = await signedInClient(uniqueEmail(label));
  if (opts.steering) {
    const { error } = await serviceClient()
      .from('network_roles')
      .insert({ user_id: signedIn.user.id, role: 'steering' });
    if (error) throw error;
  }
  return { ...signedIn, cookie: sessionCookie(signedIn.session) };
}

/** GETs an app page (as the member whose cookie is given), tagged with a request id. */
export async function getPage(path: string, cookie?: string) {
  const requestId = randomUUID();
  const response = await fetch(`${hub().appUrl}${path}`, {
    headers: { 'x-request-id': requestId, ...(cookie ? { cookie } : {}) },
    redirect: 'manual'
  });
  return { response, html: await response.text(), requestId };
}

/** How many PostgREST requests the app made while answering one request. */
export async function restRoundTrips(requestId: string): Promise<number> {
  const requests = await apiRequestsFor(requestId);
  return requests.filter((r) => r.service === 'rest').length;
}

/** POSTs a form to a named action as a browser without JavaScript would. */
export async function postForm(
  path: string,
  action: string | null,
  fields: Record<string, string | string[]>,
  cookie?: string
) {
  const body = new URLSearchParams();
  for (const [key, value] of Object.entries(fields)) {
    for (const v of Array.isArray(value) ? value : [value]) body.append(key, v);
  }
  const url = `${hub().appUrl}${path}${action ? `?/${action}` : ''}`;
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      // What a browser sends: it asks for a page back, and says which site the form was on.
      accept: 'text/html',
      origin: hub().appUrl,
      ...(cookie ? { cookie } : {})
    },
    body,
    redirect: 'manual'
  });
  return { response, html: await response.text() };
}

/** The text of an HTML fragment, roughly: tags dropped, entities for quotes decoded. */
export function text(html: string): string {
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;|&rsquo;|&#x27;/g, '’')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}
