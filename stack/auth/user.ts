import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AuthConfig } from './config.ts';
import { requireUser } from './guard.ts';
import { AuthError, readJson, sendJson, str } from './http.ts';
import { findUserById, userJson } from './users.ts';

// GET /user and PUT /user (GoTrue user.go).

export async function handleGetUser(cfg: AuthConfig, req: IncomingMessage, res: ServerResponse) {
  const { user } = await requireUser(cfg, req);
  sendJson(req, res, 200, userJson(user));
}

/** GoTrue's metadata update: keys are set, a null value deletes the key. */
export function mergeMetadata(
  current: Record<string, unknown> | null,
  changes: Record<string, unknown>
): Record<string, unknown> {
  const out = { ...(current ?? {}) };
  for (const [k, v] of Object.entries(changes)) {
    if (v === null) delete out[k];
    else out[k] = v;
  }
  return out;
}

export async function handlePutUser(cfg: AuthConfig, req: IncomingMessage, res: ServerResponse) {
  const { user } = await requireUser(cfg, req);
  const body = await readJson(req);
  if (body.app_metadata !== undefined && body.app_metadata !== null)
    throw new AuthError(403, 'not_admin', 'Updating app_metadata requires admin privileges');
  const email = str(body, 'email');
  if (email && email.trim().toLowerCase() !== (user.email ?? '').toLowerCase())
    throw new AuthError(
      422,
      'email_change_not_supported',
      'Changing an email address is not available here. Ask an administrator to create an account for the new address.'
    );
  if (str(body, 'password'))
    throw new AuthError(
      422,
      'password_not_supported',
      'Passwords are not used here: sign in with a code sent to your email address.'
    );
  if (str(body, 'phone'))
    throw new AuthError(422, 'phone_not_supported', 'Phone numbers are not supported here.');
  const data = body.data;
  if (data !== undefined && data !== null) {
    if (typeof data !== 'object' || Array.isArray(data))
      throw new AuthError(400, 'validation_failed', 'data must be an object of user metadata');
    await cfg.sql.transaction(async (tx) => {
      const { rows } = await tx.query<{ meta: Record<string, unknown> | null }>(
        'select raw_user_meta_data as meta from auth.users where id = $1::uuid for update',
        [user.id]
      );
      const merged = mergeMetadata(rows[0]?.meta ?? null, data as Record<string, unknown>);
      await tx.query(
        'update auth.users set raw_user_meta_data = $2::jsonb, updated_at = now() where id = $1::uuid',
        [user.id, JSON.stringify(merged)]
      );
    });
  }
  const updated = await findUserById(cfg.sql, user.id);
  if (!updated) throw new AuthError(404, 'user_not_found', 'User not found');
  sendJson(req, res, 200, userJson(updated));
}
