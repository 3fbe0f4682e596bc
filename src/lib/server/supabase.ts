import type { RequestEvent } from '@sveltejs/kit';
import { createServerClient } from '@supabase/ssr';
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { SUPABASE_ANON_KEY, SUPABASE_URL } from '$app/env/private';
import type { Database } from '#lib/database.types.ts';

export type Client = SupabaseClient<Database>;

// A page should fail fast to its 503 rather than hang when the API is down.
const REQUEST_TIMEOUT_MS = 10_000;

function clientAddress(event: RequestEvent): string | null {
  try {
    return event.getClientAddress();
  } catch {
    return null;
  }
}

/** The headers every data API call of a request carries (see below). */
function requestHeaders(event: RequestEvent): Record<string, string> {
  const ip = clientAddress(event);
  return {
    'x-request-id': event.request.headers.get('x-request-id') ?? crypto.randomUUID(),
    ...(ip ? { 'X-Forwarded-For': ip } : {})
  };
}

const timedFetch: typeof fetch = (input, init) =>
  fetch(input, { ...init, signal: init?.signal ?? AbortSignal.timeout(REQUEST_TIMEOUT_MS) });

/**
 * A client that reads as an anonymous visitor whoever is asking, for what must show only
 * public rows to everyone (open data files, feeds): RLS for `anon` decides, not the
 * reader's session. It never reads or sets cookies.
 */
export function createAnonymousClient(event: RequestEvent): Client {
  return createClient<Database>(SUPABASE_URL, SUPABASE_ANON_KEY, {
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
    global: { headers: requestHeaders(event), fetch: timedFetch },
    db: { retry: false }
  });
}

/**
 * One Supabase client per request, acting as the signed-in user (session in HttpOnly
 * cookies) so Row Level Security sees who is asking. Server-side only.
 */
export function createSupabaseServerClient(event: RequestEvent): Client {
  let cacheHeadersSet = false;

  return createServerClient<Database>(SUPABASE_URL, SUPABASE_ANON_KEY, {
    cookies: {
      getAll: () => event.cookies.getAll(),
      setAll(cookiesToSet, headers) {
        for (const { name, value, options } of cookiesToSet) {
          event.cookies.set(name, value, {
            ...options,
            path: '/',
            // No browser client reads these: keep them away from scripts.
            httpOnly: true,
            sameSite: 'lax',
            secure: event.url.protocol === 'https:'
          });
        }
        // Responses that set auth cookies must never be cached by a shared proxy.
        if (!cacheHeadersSet && Object.keys(headers).length > 0) {
          cacheHeadersSet = true;
          try {
            event.setHeaders(headers);
          } catch {
            // Already set by an earlier call in this request: nothing to do.
          }
        }
      }
    },
    global: {
      // The auth service rate-limits sign-in emails per IP: tell it whose IP this is.
      // The request id travels to every data API call, so one page view's round trips
      // can be counted (tests/integration) and traced in logs.
      headers: requestHeaders(event),
      fetch: timedFetch
    },
    // Retries with back-off would keep a page waiting ~7 s before saying the API is down.
    db: { retry: false }
  });
}
