import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AuthConfig } from './config.ts';
import { requireAdmin } from './guard.ts';
import { AuthError, emailProblem, isUuid, readJson, sendJson, str } from './http.ts';
import { issueCode } from './otp.ts';
import { resolveRedirect } from './redirects.ts';
import {
  USER_SELECT,
  createUser,
  findUserByEmail,
  findUserById,
  userJson,
  type UserRecord
} from './users.ts';

// Admin endpoints for the service-role key (GoTrue admin.go, pagination.go, mail.go).

const objectOr = (v: unknown): Record<string, unknown> | undefined =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;

function requireEmail(body: Record<string, unknown>): string {
  const email = str(body, 'email')?.trim().toLowerCase();
  if (!email) {
    if (str(body, 'phone'))
      throw new AuthError(
        422,
        'phone_provider_disabled',
        'Phone sign-in is not supported here; give an email address.'
      );
    throw new AuthError(400, 'validation_failed', 'An email address is required.');
  }
  const problem = emailProblem(email);
  if (problem) throw problem;
  return email;
}

async function createUserEndpoint(cfg: AuthConfig, req: IncomingMessage, res: ServerResponse) {
  const body = await readJson(req);
  const email = requireEmail(body);
  const id = str(body, 'id');
  if (id !== undefined && !isUuid(id))
    throw new AuthError(400, 'validation_failed', 'id must be a UUID');
  const role = str(body, 'role');
  const user = await cfg.sql.transaction((tx) =>
    createUser(tx, {
      id,
      email,
      userMetadata: objectOr(body.user_metadata) ?? objectOr(body.data) ?? {},
      appMetadata: objectOr(body.app_metadata),
      role: role || undefined,
      confirmed: body.email_confirm === true
    })
  );
  sendJson(req, res, 200, userJson(user));
}

function positiveInt(v: string | null, fallback: number): number {
  const n = Number(v);
  return v && Number.isInteger(n) && n > 0 ? n : fallback;
}

/** GoTrue's Link header: `page` first (supabase-js reads the digit after the first '='). */
export function paginationLink(path: string, page: number, perPage: number, total: number): string {
  const last = Math.max(1, Math.ceil(total / perPage));
  const links: string[] = [];
  if (page < last) links.push(`<${path}?page=${page + 1}&per_page=${perPage}>; rel="next"`);
  links.push(`<${path}?page=${last}&per_page=${perPage}>; rel="last"`);
  return links.join(', ');
}

async function listUsers(
  cfg: AuthConfig,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  query: URLSearchParams
) {
  const page = positiveInt(query.get('page'), 1);
  const perPage = Math.min(positiveInt(query.get('per_page'), 50), 1000);
  const { rows: count } = await cfg.sql.query<{ n: number }>(
    'select count(*)::int as n from auth.users'
  );
  const total = count[0]?.n ?? 0;
  const { rows } = await cfg.sql.query<{ u: UserRecord }>(
    `${USER_SELECT} order by u.created_at desc, u.id limit $1 offset $2`,
    [perPage, (page - 1) * perPage]
  );
  sendJson(
    req,
    res,
    200,
    { users: rows.map((r) => userJson(r.u)), aud: 'authenticated' },
    { 'X-Total-Count': String(total), Link: paginationLink(path, page, perPage, total) }
  );
}

async function userOr404(cfg: AuthConfig, id: string): Promise<UserRecord> {
  const user = isUuid(id) ? await findUserById(cfg.sql, id) : null;
  if (!user) throw new AuthError(404, 'user_not_found', 'User not found');
  return user;
}

async function generateLink(
  cfg: AuthConfig,
  req: IncomingMessage,
  res: ServerResponse,
  query: URLSearchParams
) {
  const body = await readJson(req);
  const type = str(body, 'type');
  if (type !== 'magiclink')
    throw new AuthError(
      422,
      'validation_failed',
      'Only magiclink links can be generated here: people sign in with emailed codes.'
    );
  const email = requireEmail(body);
  const redirectTo = resolveRedirect(
    query.get('redirect_to'),
    cfg.siteUrl,
    cfg.additionalRedirectUrls
  );
  const out = await cfg.sql.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock(hashtext($1))', [email]);
    let user = await findUserByEmail(tx, email);
    let verificationType = 'magiclink';
    if (!user) {
      user = await createUser(tx, { email, userMetadata: objectOr(body.data) ?? {} });
      verificationType = 'signup';
    }
    // GoTrue never prefixes generated links with pkce_: they use the implicit flow.
    const code = await issueCode(tx, user, false);
    const fresh = await findUserById(tx, user.id);
    return { user: fresh ?? user, code, verificationType };
  });
  const link = new URL(`${cfg.issuer.replace(/\/$/, '')}/verify`);
  link.searchParams.set('token', out.code.hash);
  link.searchParams.set('type', out.verificationType);
  link.searchParams.set('redirect_to', redirectTo);
  sendJson(req, res, 200, {
    ...userJson(out.user),
    action_link: link.href,
    email_otp: out.code.otp,
    hashed_token: out.code.hash,
    verification_type: out.verificationType,
    redirect_to: redirectTo
  });
}

export async function handleAdmin(
  cfg: AuthConfig,
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
  query: URLSearchParams
): Promise<boolean> {
  const method = req.method ?? 'GET';
  const userMatch = /^\/admin\/users\/([^/]+)$/.exec(pathname);
  const known =
    (pathname === '/admin/users' && (method === 'GET' || method === 'POST')) ||
    (pathname === '/admin/generate_link' && method === 'POST') ||
    (userMatch && ['GET', 'PUT', 'DELETE'].includes(method));
  if (!known) return false;
  await requireAdmin(cfg, req);

  if (pathname === '/admin/users') {
    if (method === 'POST') await createUserEndpoint(cfg, req, res);
    else await listUsers(cfg, req, res, pathname, query);
  } else if (pathname === '/admin/generate_link') {
    await generateLink(cfg, req, res, query);
  } else if (userMatch) {
    const id = decodeURIComponent(userMatch[1] ?? '');
    const user = await userOr404(cfg, id);
    if (method === 'GET') sendJson(req, res, 200, userJson(user));
    else if (method === 'DELETE') {
      // Soft deletion is not kept apart here: the user, sessions and identities all go.
      await readJson(req);
      await cfg.sql.query('delete from auth.users where id = $1::uuid', [user.id]);
      sendJson(req, res, 200, {});
    } else {
      await updateUserAsAdmin(cfg, req, res, user);
    }
  }
  return true;
}

/** PUT /admin/users/:id: metadata, role, email confirmation and bans. */
async function updateUserAsAdmin(
  cfg: AuthConfig,
  req: IncomingMessage,
  res: ServerResponse,
  user: UserRecord
) {
  const body = await readJson(req);
  const userMeta = objectOr(body.user_metadata);
  const appMeta = objectOr(body.app_metadata);
  const role = str(body, 'role');
  const ban = str(body, 'ban_duration');
  const banHours = ban === undefined || ban === 'none' ? null : /^(\d+)h$/.exec(ban)?.[1];
  if (ban !== undefined && ban !== 'none' && !banHours)
    throw new AuthError(
      400,
      'validation_failed',
      'ban_duration must be "none" or a number of hours such as "24h"'
    );
  await cfg.sql.query(
    `update auth.users set
       raw_user_meta_data = case when $2::jsonb is null then raw_user_meta_data
                                 else coalesce(raw_user_meta_data, '{}'::jsonb) || $2::jsonb end,
       raw_app_meta_data = case when $3::jsonb is null then raw_app_meta_data
                                else coalesce(raw_app_meta_data, '{}'::jsonb) || $3::jsonb end,
       role = coalesce($4, role),
       email_confirmed_at = case when $5::boolean then coalesce(email_confirmed_at, now()) else email_confirmed_at end,
       banned_until = case when $6::text = 'none' then null
                           when $7::int is not null then now() + make_interval(hours => $7::int)
                           else banned_until end,
       updated_at = now()
     where id = $1::uuid`,
    [
      user.id,
      userMeta ? JSON.stringify(userMeta) : null,
      appMeta ? JSON.stringify(appMeta) : null,
      role || null,
      body.email_confirm === true,
      ban ?? null,
      banHours ? Number(banHours) : null
    ]
  );
  const updated = await findUserById(cfg.sql, user.id);
  sendJson(req, res, 200, userJson(updated ?? user));
}
