import { randomUUID } from 'node:crypto';
import type { Sql } from '../db/sql.ts';
import { AuthError } from './http.ts';

// auth.users access and GoTrue's user JSON (models/user.go).

/** A users row as `to_jsonb` gives it (timestamps are ISO strings), plus its identities. */
export interface UserRecord {
  id: string;
  aud: string | null;
  role: string | null;
  email: string | null;
  phone: string | null;
  raw_app_meta_data: Record<string, unknown> | null;
  raw_user_meta_data: Record<string, unknown> | null;
  created_at: string | null;
  updated_at: string | null;
  is_anonymous: boolean;
  email_confirmed_at: string | null;
  phone_confirmed_at: string | null;
  confirmed_at: string | null;
  confirmation_sent_at: string | null;
  recovery_sent_at: string | null;
  email_change: string | null;
  last_sign_in_at: string | null;
  banned_until: string | null;
  deleted_at: string | null;
  identities: IdentityRecord[];
}

interface IdentityRecord {
  id: string;
  provider_id: string;
  user_id: string;
  identity_data: Record<string, unknown>;
  provider: string;
  last_sign_in_at: string | null;
  created_at: string | null;
  updated_at: string | null;
  email: string | null;
}

/** Postgres JSON timestamps to the RFC 3339 UTC form GoTrue sends. */
function ts(v: string | null): string | null {
  if (!v) return v;
  const d = new Date(v);
  return Number.isNaN(d.getTime()) ? v : d.toISOString();
}

export const USER_SELECT = `
  select to_jsonb(u) || jsonb_build_object('identities', coalesce(
    (select jsonb_agg(to_jsonb(i) order by i.created_at) from auth.identities i where i.user_id = u.id),
    '[]'::jsonb)) as u
  from auth.users u`;

export async function findUserById(sql: Sql, id: string): Promise<UserRecord | null> {
  const { rows } = await sql.query<{ u: UserRecord }>(`${USER_SELECT} where u.id = $1::uuid`, [id]);
  return rows[0]?.u ?? null;
}

export async function findUserByEmail(sql: Sql, email: string): Promise<UserRecord | null> {
  const { rows } = await sql.query<{ u: UserRecord }>(
    `${USER_SELECT} where lower(u.email) = lower($1) and u.is_sso_user = false`,
    [email]
  );
  return rows[0]?.u ?? null;
}

export function isBanned(user: UserRecord): boolean {
  return !!user.banned_until && new Date(user.banned_until).getTime() > Date.now();
}

/** The user object as GoTrue serialises it: token columns never, optional fields when set. */
export function userJson(u: UserRecord) {
  const out: Record<string, unknown> = {
    id: u.id,
    aud: u.aud ?? '',
    role: u.role ?? '',
    email: u.email ?? '',
    phone: u.phone ?? ''
  };
  const optional: [string, string | null][] = [
    ['email_confirmed_at', u.email_confirmed_at],
    ['phone_confirmed_at', u.phone_confirmed_at],
    ['confirmation_sent_at', u.confirmation_sent_at],
    ['confirmed_at', u.confirmed_at],
    ['recovery_sent_at', u.recovery_sent_at],
    ['last_sign_in_at', u.last_sign_in_at]
  ];
  for (const [k, v] of optional) if (v) out[k] = ts(v);
  if (u.email_change) out.new_email = u.email_change;
  out.app_metadata = u.raw_app_meta_data ?? {};
  out.user_metadata = u.raw_user_meta_data ?? {};
  out.identities = (u.identities ?? []).map((i) => ({
    identity_id: i.id,
    id: i.provider_id,
    user_id: i.user_id,
    identity_data: i.identity_data,
    provider: i.provider,
    last_sign_in_at: ts(i.last_sign_in_at),
    created_at: ts(i.created_at),
    updated_at: ts(i.updated_at),
    email: i.email ?? undefined
  }));
  out.created_at = ts(u.created_at);
  out.updated_at = ts(u.updated_at);
  if (u.banned_until) out.banned_until = ts(u.banned_until);
  if (u.deleted_at) out.deleted_at = ts(u.deleted_at);
  out.is_anonymous = u.is_anonymous ?? false;
  return out;
}

export interface NewUser {
  id?: string;
  email: string;
  userMetadata?: Record<string, unknown>;
  appMetadata?: Record<string, unknown>;
  role?: string;
  confirmed?: boolean;
}

/** Inserts a user and its email identity (as GoTrue does on sign-up). Caller holds a transaction. */
export async function createUser(tx: Sql, nu: NewUser): Promise<UserRecord> {
  const id = nu.id ?? randomUUID();
  const email = nu.email.toLowerCase();
  const existing = await findUserByEmail(tx, email);
  if (existing)
    throw new AuthError(
      422,
      'email_exists',
      'A user with this email address has already been registered'
    );
  const appMeta = { ...(nu.appMetadata ?? {}), provider: 'email', providers: ['email'] };
  await tx.query(
    `insert into auth.users (instance_id, id, aud, role, email, raw_app_meta_data, raw_user_meta_data,
       email_confirmed_at, created_at, updated_at, is_sso_user, is_anonymous)
     values ('00000000-0000-0000-0000-000000000000', $1::uuid, 'authenticated', $2, $3, $4::jsonb, $5::jsonb,
       case when $6::boolean then now() end, now(), now(), false, false)`,
    [
      id,
      nu.role ?? 'authenticated',
      email,
      JSON.stringify(appMeta),
      JSON.stringify(nu.userMetadata ?? {}),
      nu.confirmed ?? false
    ]
  );
  await tx.query(
    `insert into auth.identities (provider_id, user_id, identity_data, provider, created_at, updated_at)
     values ($1, $2::uuid, $3::jsonb, 'email', now(), now())`,
    [id, id, JSON.stringify({ sub: id, email, email_verified: false, phone_verified: false })]
  );
  const user = await findUserById(tx, id);
  if (!user) throw new Error('user vanished after insert');
  return user;
}

/** Marks a successful sign-in: confirms the email, clears one-time tokens, stamps times. */
export async function markSignedIn(tx: Sql, userId: string): Promise<UserRecord> {
  await tx.query(
    `update auth.users set
       email_confirmed_at = coalesce(email_confirmed_at, now()),
       last_sign_in_at = now(), recovery_token = '', updated_at = now()
     where id = $1::uuid`,
    [userId]
  );
  await tx.query(`delete from auth.one_time_tokens where user_id = $1::uuid`, [userId]);
  await tx.query(
    `update auth.identities set last_sign_in_at = now(), updated_at = now(),
       identity_data = identity_data || '{"email_verified": true}'::jsonb
     where user_id = $1::uuid and provider = 'email'`,
    [userId]
  );
  const user = await findUserById(tx, userId);
  if (!user) throw new AuthError(403, 'user_not_found', 'User not found');
  return user;
}
