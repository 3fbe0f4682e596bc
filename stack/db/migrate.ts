import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, basename } from 'node:path';
import type { Sql } from './sql.ts';

const here = import.meta.dirname;
export const platformFile = join(here, '..', 'platform', 'platform.sql');
export const migrationsDir = join(here, '..', '..', 'supabase', 'migrations');
export const seedFile = join(here, '..', '..', 'supabase', 'seed.sql');

/** Raised when an applied migration's file changed since: start-up must stop. */
export class MigrationChangedError extends Error {
  file: string;
  constructor(file: string) {
    super(
      `Migration ${file} was edited after it was applied to this database. ` +
        `Put the change in a new migration file, or reset the embedded database (npm run db:reset).`
    );
    this.file = file;
  }
}

const checksum = (text: string) => createHash('sha256').update(text).digest('hex');

export function migrationFiles(dir = migrationsDir): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort()
    .map((f) => join(dir, f));
}

/** The platform slice: idempotent, run on every start. */
export async function applyPlatform(sql: Sql): Promise<void> {
  await sql.exec(readFileSync(platformFile, 'utf8'));
}

export interface MigrateResult {
  applied: string[];
  skipped: string[];
}

/**
 * Applies supabase/migrations/*.sql in name order, each in its own transaction, and
 * records name + checksum in a ledger (the same schema name `supabase db push` uses).
 */
export async function applyMigrations(sql: Sql, dir = migrationsDir): Promise<MigrateResult> {
  await sql.exec(`
    create schema if not exists supabase_migrations;
    create table if not exists supabase_migrations.schema_migrations (
      version text primary key,
      name text,
      checksum text not null,
      applied_at timestamptz not null default now()
    );`);
  const { rows } = await sql.query<{ version: string; checksum: string }>(
    'select version, checksum from supabase_migrations.schema_migrations'
  );
  const done = new Map(rows.map((r) => [r.version, r.checksum]));
  const result: MigrateResult = { applied: [], skipped: [] };
  for (const file of migrationFiles(dir)) {
    const name = basename(file);
    const version = name.split('_')[0] ?? name;
    const text = readFileSync(file, 'utf8');
    const sum = checksum(text);
    const seen = done.get(version);
    if (seen !== undefined) {
      if (seen !== sum) throw new MigrationChangedError(`supabase/migrations/${name}`);
      result.skipped.push(name);
      continue;
    }
    await sql.transaction(async (tx) => {
      try {
        await tx.exec(text);
      } catch (e) {
        throw new Error(`Migration supabase/migrations/${name} failed: ${(e as Error).message}`, {
          cause: e
        });
      }
      await tx.query(
        'insert into supabase_migrations.schema_migrations (version, name, checksum) values ($1, $2, $3)',
        [version, name, sum]
      );
    });
    result.applied.push(name);
  }
  return result;
}

/** True when no app data exists yet (no profile rows and no users). */
export async function isEmpty(sql: Sql): Promise<boolean> {
  const { rows } = await sql.query<{ n: number }>('select count(*)::int as n from auth.users');
  return rows[0]?.n === 0;
}

/** Runs supabase/seed.sql once, on an empty database. Returns whether it ran. */
export async function seedIfEmpty(sql: Sql, file = seedFile): Promise<boolean> {
  if (!existsSync(file) || !(await isEmpty(sql))) return false;
  const text = readFileSync(file, 'utf8');
  await sql.transaction((tx) => tx.exec(text));
  return true;
}

/** Platform, then migrations, then the seed on an empty database. */
export async function prepareDatabase(sql: Sql, opts: { seed?: boolean } = {}) {
  await applyPlatform(sql);
  const migrations = await applyMigrations(sql);
  const seeded = opts.seed === false ? false : await seedIfEmpty(sql);
  return { ...migrations, seeded };
}
