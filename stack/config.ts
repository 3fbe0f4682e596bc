import { resolve } from 'node:path';
import { DEFAULT_JWT_SECRET } from './keys.ts';
import { isLoopbackHost } from './net/loopback.ts';

// Every port and secret of the embedded stack, from the environment, with the same
// defaults as `supabase start` so tools configured for a local Supabase just work.
export interface StackConfig {
  appPort: number;
  apiPort: number;
  dbPort: number;
  mailboxPort: number;
  /** The mailbox's SMTP port (the worker's SMTP_URL locally). */
  smtpPort: number;
  /** Run the email worker beside the app (off for test stacks, which drive it themselves). */
  worker: boolean;
  postgrestPort: number;
  postgrestAdminPort: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  jwtSecret: string;
  siteUrl: string;
  apiUrl: string;
  emailRateLimitSeconds: number;
  ipRateLimitPerHour: number;
  verbose: boolean;
  /** Peers whose X-Forwarded-For the gateway believes; undefined = the app's, when it runs one. */
  trustedProxies: string[] | undefined;
}

function port(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 65535) {
    throw new Error(`${name}=${raw} is not a port number. Use a whole number from 1 to 65535.`);
  }
  return n;
}

function count(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < 0)
    throw new Error(`${name}=${raw} must be a number of 0 or more.`);
  return n;
}

export function readConfig(
  env: NodeJS.ProcessEnv = process.env,
  root = process.cwd()
): StackConfig {
  const host = env.HUB_HOST || '127.0.0.1';
  const appPort = port(env, 'PORT', 3000);
  const apiPort = port(env, 'HUB_API_PORT', 54321);
  return {
    appPort,
    apiPort,
    dbPort: port(env, 'HUB_DB_PORT', 54322),
    mailboxPort: port(env, 'HUB_MAILBOX_PORT', 54324),
    smtpPort: port(env, 'HUB_SMTP_PORT', 54328),
    worker: env.HUB_WORKER !== '0',
    postgrestPort: port(env, 'HUB_POSTGREST_PORT', 54325),
    postgrestAdminPort: port(
      env,
      'HUB_POSTGREST_ADMIN_PORT',
      port(env, 'HUB_POSTGREST_PORT', 54325) + 1
    ),
    host,
    dataDir: resolve(root, env.HUB_DATA_DIR || '.data/pglite'),
    databaseUrl: env.DATABASE_URL || undefined,
    jwtSecret: env.JWT_SECRET || DEFAULT_JWT_SECRET,
    siteUrl: (env.SITE_URL || `http://${host}:${appPort}`).replace(/\/$/, ''),
    apiUrl: `http://${host}:${apiPort}`,
    emailRateLimitSeconds: count(env, 'HUB_EMAIL_RATE_LIMIT_SECONDS', 60),
    ipRateLimitPerHour: count(env, 'HUB_IP_RATE_LIMIT_PER_HOUR', 30),
    verbose: env.HUB_VERBOSE === '1',
    trustedProxies: env.HUB_TRUSTED_PROXIES
      ? env.HUB_TRUSTED_PROXIES.split(',')
          .map((a) => a.trim())
          .filter(Boolean)
      : undefined
  };
}

/**
 * Why the stack must not start as configured, in one line, or null. Beyond loopback the
 * well-known JWT secret would let anyone mint the service-role key, and a database
 * without a password would take anyone. (The embedded database never leaves loopback:
 * PGlite checks no password at all.)
 */
export function exposureProblem(c: StackConfig): string | null {
  if (isLoopbackHost(c.host)) return null;
  if (c.jwtSecret === DEFAULT_JWT_SECRET)
    return (
      `Refusing to listen on HUB_HOST=${c.host} with the well-known JWT secret: anyone could mint the service-role key. ` +
      'Set JWT_SECRET to a long random secret (e.g. `openssl rand -base64 48`), or keep HUB_HOST on 127.0.0.1.'
    );
  if (c.databaseUrl && !new URL(c.databaseUrl).password)
    return (
      `Refusing to listen on HUB_HOST=${c.host} with a DATABASE_URL that has no password. ` +
      'Give the database user a password and put it in DATABASE_URL, or keep HUB_HOST on 127.0.0.1.'
    );
  return null;
}
