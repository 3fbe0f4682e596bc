import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { spawnStack, type RunningStack } from '../../stack/spawn-stack.ts';
import { createServerDatabase } from '../../supabase/tests/harness.ts';
import { testPorts } from '../port-offset.ts';
import { integrationDatabase } from './database-target.ts';

// Starts the whole embedded stack (with the built app and a throwaway database) on ports
// of its own, so integration tests talk to real PostgREST, auth and Postgres. With
// HUB_TEST_INTEGRATION_DB=postgres (scripts/test.ts sets it for its second run) the
// database is a freshly created one on the TEST_DATABASE_URL server instead, which the
// stack migrates and seeds as in production, and which is dropped afterwards.
const ports = testPorts({
  app: 3200,
  api: 26321,
  db: 26322,
  mailbox: 26324,
  postgrest: 26325,
  smtp: 26328
});
let stack: RunningStack | undefined;
let dropDatabase: (() => Promise<void>) | undefined;

export async function setup(project: TestProject) {
  if (!existsSync('build/index.js')) {
    const built = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build'], {
      stdio: 'inherit'
    });
    if (built.status !== 0)
      throw new Error('`vite build` failed: the integration tests need the built app.');
  }
  let databaseUrl: string | undefined;
  if (integrationDatabase() === 'postgres') {
    const created = await createServerDatabase('hub_integration');
    databaseUrl = created.url;
    dropDatabase = created.drop;
  }
  try {
    stack = await spawnStack(ports, {
      databaseUrl,
      // Many sign-ins from one address in a test run; the per-email limit stays on.
      env: { HUB_IP_RATE_LIMIT_PER_HOUR: '10000' }
    });
  } catch (e) {
    await dropDatabase?.();
    throw e;
  }
  const { apiUrl, mailboxUrl, appUrl, dbUrl, smtpUrl } = stack;
  project.provide('hub', { apiUrl, mailboxUrl, appUrl, dbUrl, smtpUrl });
  process.env.HUB_TEST_API_URL = apiUrl;
  process.env.HUB_TEST_MAILBOX_URL = mailboxUrl;
  process.env.HUB_TEST_APP_URL = appUrl;
  process.env.HUB_TEST_DB_URL = dbUrl;
  process.env.HUB_TEST_SMTP_URL = smtpUrl;
}

export async function teardown() {
  try {
    await stack?.stop();
  } finally {
    await dropDatabase?.();
  }
}

declare module 'vitest' {
  export interface ProvidedContext {
    hub: { apiUrl: string; mailboxUrl: string; appUrl: string; dbUrl: string; smtpUrl: string };
  }
}
