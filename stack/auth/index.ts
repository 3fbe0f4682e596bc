import type { IncomingMessage, ServerResponse } from 'node:http';
import { handleAdmin } from './admin.ts';
import { resolveConfig, type AuthOptions, type AuthConfig } from './config.ts';
import { AuthError, sendEmpty, sendError, sendJson } from './http.ts';
import { handleLogout } from './logout.ts';
import { handleOtp } from './otp.ts';
import { handleToken } from './token.ts';
import { handleGetUser, handlePutUser } from './user.ts';
import { handleVerifyGet, handleVerifyPost } from './verify.ts';

// The embedded stack's auth service: the part of the Supabase Auth (GoTrue) HTTP API that
// supabase-js and @supabase/ssr use for emailed codes and links, PKCE, refresh, the
// signed-in user, sign-out and admin users. Its requests, responses, error shapes, PKCE
// and refresh-token rotation follow the Supabase Auth HTTP API as supabase-js 2 calls it
// (the reference: supabase-js's and GoTrue's source, and Supabase's Auth docs); each
// handler module says which calls it serves.

export type { AuthOptions, Mail } from './config.ts';

function settings(cfg: AuthConfig) {
  return {
    external: { email: true, phone: false, anonymous_users: false },
    disable_signup: false,
    mailer_autoconfirm: false,
    phone_autoconfirm: false,
    sms_provider: '',
    saml_enabled: false,
    mailer_otp_exp: cfg.otpExpirySeconds
  };
}

async function route(
  cfg: AuthConfig,
  req: IncomingMessage,
  res: ServerResponse,
  path: string
): Promise<void> {
  const url = new URL(path || '/', 'http://auth.invalid');
  const pathname = url.pathname.replace(/\/+$/, '') || '/';
  const query = url.searchParams;
  const method = req.method ?? 'GET';
  // Preflight: the gateway normally answers, but this is harmless when it does not.
  if (method === 'OPTIONS') return sendEmpty(req, res, 204);

  const is = (m: string, p: string) => method === m && pathname === p;
  if (is('GET', '/health'))
    return sendJson(req, res, 200, {
      version: 'embedded',
      name: 'GoTrue',
      description: 'Network Hub embedded auth service (Supabase Auth compatible subset)'
    });
  if (is('GET', '/settings')) return sendJson(req, res, 200, settings(cfg));
  if (is('GET', '/.well-known/jwks.json'))
    // HS256 only: there are no public keys to publish.
    return sendJson(req, res, 200, { keys: [] }, { 'Cache-Control': 'public, max-age=600' });
  if (is('POST', '/otp') || is('POST', '/magiclink')) return handleOtp(cfg, req, res, query);
  if (is('GET', '/verify')) return handleVerifyGet(cfg, req, res, query);
  if (is('POST', '/verify')) return handleVerifyPost(cfg, req, res);
  if (is('POST', '/token')) return handleToken(cfg, req, res, query);
  if (is('GET', '/user')) return handleGetUser(cfg, req, res);
  if (is('PUT', '/user')) return handlePutUser(cfg, req, res);
  if (is('POST', '/logout')) return handleLogout(cfg, req, res, query);
  if (pathname.startsWith('/admin/') && (await handleAdmin(cfg, req, res, pathname, query))) return;
  throw new AuthError(404, 'not_found', `No auth endpoint ${method} ${pathname}. Check the URL.`);
}

export function createAuthHandler(
  opts: AuthOptions
): (req: IncomingMessage, res: ServerResponse, path: string) => Promise<void> {
  const cfg = resolveConfig(opts);
  return async (req, res, path) => {
    try {
      await route(cfg, req, res, path);
    } catch (e) {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      if (e instanceof AuthError) return sendError(req, res, e);
      cfg.log(`auth: unexpected failure on ${req.method} ${path}: ${(e as Error)?.stack ?? e}`);
      sendError(
        req,
        res,
        new AuthError(
          500,
          'unexpected_failure',
          'Something went wrong in the auth service. Try again; if it keeps happening, check the stack log.'
        )
      );
    }
  };
}
