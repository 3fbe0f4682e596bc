import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit/hooks';
import { sequence } from '@sveltejs/kit/hooks';
import { DataError, serviceTroubleMessage, toDataError } from '#lib/server/errors.ts';
import { createSupabaseServerClient } from '#lib/server/supabase.ts';
import { isForbiddenCrossSiteForm } from '#lib/server/csrf.ts';

export const init: ServerInit = () => {
  // A stray rejected promise (e.g. a fetch to a stopped API that nobody awaited) must be
  // logged, not take the whole server down for everyone.
  process.on('unhandledRejection', (reason) => {
    console.error('Unhandled rejection (server kept running):', reason);
  });
};

const supabase: Handle = async ({ event, resolve }) => {
  event.locals.supabase = createSupabaseServerClient(event);

  let checked: ReturnType<App.Locals['safeGetSession']> | null = null;

  event.locals.safeGetSession = () => {
    // Once per request: layout and page loads may both ask.
    checked ??= (async () => {
      const {
        data: { session },
        error: sessionError
      } = await event.locals.supabase.auth.getSession();
      // An expired access token is refreshed here, which needs the auth service.
      if (sessionError && toDataError(sessionError).kind === 'unavailable') {
        throw toDataError(sessionError);
      }
      if (!session) return { session: null, user: null };
      // getSession only decodes the cookie; getUser asks the auth service to vouch for it.
      const {
        data: { user },
        error
      } = await event.locals.supabase.auth.getUser();
      if (error) {
        const dataError = toDataError(error);
        if (dataError.kind === 'unavailable') throw dataError;
        return { session: null, user: null };
      }
      return { session, user };
    })();
    return checked;
  };

  return resolve(event, {
    filterSerializedResponseHeaders: (name) =>
      name === 'content-range' || name === 'x-supabase-api-version'
  });
};

const securityHeaders: Handle = async ({ event, resolve }) => {
  const response = await resolve(event);
  const headers = response.headers;
  // Some responses (redirects from fetch, static files) come with immutable headers.
  try {
    headers.set('X-Content-Type-Options', 'nosniff');
    headers.set('X-Frame-Options', 'DENY');
    headers.set('Referrer-Policy', 'strict-origin-when-cross-origin');
    headers.set(
      'Permissions-Policy',
      'camera=(), microphone=(), geolocation=(), interest-cohort=()'
    );
    headers.set('Cross-Origin-Opener-Policy', 'same-origin');
    if (event.url.protocol === 'https:') {
      headers.set('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    }
  } catch {
    // Immutable headers: leave the response as it is.
  }
  return response;
};

// SvelteKit's own origin check, with the one-click unsubscribe exempted (see csrf.ts).
const sameOriginForms: Handle = async ({ event, resolve }) => {
  if (isForbiddenCrossSiteForm(event.request, event.url)) {
    const message = `Cross-site ${event.request.method} form submissions are forbidden`;
    return event.request.headers.get('accept') === 'application/json'
      ? Response.json({ message }, { status: 403 })
      : new Response(message, { status: 403, headers: { 'content-type': 'text/plain' } });
  }
  return resolve(event);
};

export const handle = sequence(sameOriginForms, securityHeaders, supabase);

export const handleError: HandleServerError = ({ error, event, kind }) => {
  if (kind === 'unknown' && (error instanceof DataError || error instanceof TypeError)) {
    const dataError = toDataError(error);
    const trouble = serviceTroubleMessage(dataError.kind);
    if (trouble !== null) return { status: 503, message: trouble, kind: dataError.kind };
  }
  if (kind === 'unknown') {
    console.error(`Error answering ${event.request.method} ${event.url.pathname}:`, error);
    return { message: 'Sorry, there is a problem with the service.' };
  }
};
