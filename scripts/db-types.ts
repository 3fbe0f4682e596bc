// Generates src/lib/database.types.ts with Supabase's own generator (postgres-meta)
// against a throwaway embedded database migrated from supabase/migrations.
//   npm run db:types            write the file
//   npm run db:types -- --check exit 1 if the file is stale
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { openPglite, pgliteSql } from '../stack/db/pglite.ts';
import { prepareDatabase } from '../stack/db/migrate.ts';

export const typesFile = join(import.meta.dirname, '..', 'src', 'lib', 'database.types.ts');

export async function generateTypes(): Promise<string> {
  const db = await openPglite('memory://');
  await prepareDatabase(pgliteSql(db, false), { seed: false });
  const server = new PGLiteSocketServer({ db, port: 0, host: '127.0.0.1', maxConnections: 10 });
  await server.start();
  const port = Number(server.getServerConn().split(':')[1]);
  try {
    const meta = spawn(
      process.execPath,
      [
        join(
          import.meta.dirname,
          '..',
          'node_modules',
          '@supabase',
          'postgres-meta',
          'dist',
          'server',
          'server.js'
        )
      ],
      {
        env: {
          ...process.env,
          PG_META_DB_URL: `postgres://postgres@127.0.0.1:${port}/postgres`,
          PG_META_GENERATE_TYPES: 'typescript',
          PG_META_GENERATE_TYPES_INCLUDED_SCHEMAS: 'public',
          PG_META_GENERATE_TYPES_DETECT_ONE_TO_ONE_RELATIONSHIPS: 'true'
        },
        stdio: ['ignore', 'pipe', 'pipe']
      }
    );
    let out = '';
    let err = '';
    meta.stdout.on('data', (b) => (out += b));
    meta.stderr.on('data', (b) => (err += b));
    const code = await new Promise<number | null>((r) => meta.once('exit', r));
    if (code !== 0 || !out.includes('export type Database')) {
      throw new Error(`postgres-meta could not generate types (exit ${code}): ${err.slice(-500)}`);
    }
    return out.trimEnd() + '\n';
  } finally {
    await server.stop();
    await db.close();
  }
}

if (import.meta.main) {
  const fresh = await generateTypes();
  if (process.argv.includes('--check')) {
    const current = existsSync(typesFile) ? readFileSync(typesFile, 'utf8') : '';
    if (current !== fresh) {
      console.error(
        'src/lib/database.types.ts is stale: run `npm run db:types` and commit the result.'
      );
      process.exit(1);
    }
    console.log('src/lib/database.types.ts is current.');
  } else {
    writeFileSync(typesFile, fresh);
    console.log(`Wrote ${typesFile}`);
  }
}
