// `npm test`: every layer, in order, each printing its own summary, then one closing
// line with the totals. Layers: types/lint, unit, database (PGlite, and the Postgres
// server when TEST_DATABASE_URL is set), integration (the running stack on PGlite, then,
// when TEST_DATABASE_URL is set, again on a fresh database on that server), e2e (Chromium).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createServerDatabase } from '../supabase/tests/harness.ts';

const out = join('test-results', 'summaries');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const bin = (name: string) => join('node_modules', '.bin', name);
const only = process.argv.slice(2);

interface Layer {
  name: string;
  command: string;
  args: string[];
  env?: NodeJS.ProcessEnv;
  counts?: () => Counts;
  /** Runs first; what it returns is added to the environment (e.g. a database it made). */
  before?: () => Promise<NodeJS.ProcessEnv>;
  /** Runs afterwards, whatever happened (e.g. drops that database). */
  after?: () => Promise<void>;
}
interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}

function vitestCounts(file: string): () => Counts {
  return () => {
    const r = JSON.parse(readFileSync(file, 'utf8'));
    // A file that fails before its tests run (a setup error) has no failed test in it:
    // count it as one failure, so the summary never says 0 failed for a failed layer.
    const brokenFiles = (r.testResults as { status: string; assertionResults: unknown[] }[]).filter(
      (f) => f.status === 'failed' && f.assertionResults.length === 0
    ).length;
    return {
      passed: r.numPassedTests,
      failed: r.numFailedTests + brokenFiles,
      skipped: r.numPendingTests + r.numTodoTests
    };
  };
}

function vitest(
  project: string,
  opts: { name?: string; env?: NodeJS.ProcessEnv; args?: string[] } = {}
): Layer {
  const name = opts.name ?? project;
  const file = join(out, `${name}.json`);
  return {
    name,
    command: bin('vitest'),
    args: [
      'run',
      '--project',
      project,
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${file}`,
      ...(opts.args ?? [])
    ],
    env: opts.env,
    counts: vitestCounts(file)
  };
}

// The second integration run puts the shared stack on the Postgres server. Files that
// start stacks of their own (always embedded: lifecycle, outages, the large seed) ran in
// the first run and would only repeat it.
const ownStackFiles = [
  'tests/integration/api-down.test.ts',
  'tests/integration/stack-lifecycle.test.ts',
  'tests/integration/large-seed-pages.test.ts'
];
const integrationOnServer: Layer[] = process.env.TEST_DATABASE_URL
  ? [
      vitest('integration', {
        name: 'integration-postgres',
        env: { HUB_TEST_INTEGRATION_DB: 'postgres' },
        args: ownStackFiles.map((f) => `--exclude=${f}`)
      })
    ]
  : [];

const playwrightFile = join(out, 'e2e.json');

function e2eOnServer(): Pick<Layer, 'before' | 'after'> {
  let drop: (() => Promise<void>) | undefined;
  return {
    before: async () => {
      const created = await createServerDatabase('hub_e2e');
      drop = created.drop;
      return { E2E_DB_URL: created.url };
    },
    after: async () => drop?.()
  };
}
const layers: Layer[] = [
  { name: 'check', command: 'npm', args: ['run', '--silent', 'check'] },
  { name: 'lint', command: 'npm', args: ['run', '--silent', 'lint'] },
  vitest('unit'),
  vitest('db'),
  { name: 'build', command: bin('vite'), args: ['build', '--logLevel', 'warn'] },
  vitest('integration', { name: 'integration-pglite' }),
  ...integrationOnServer,
  {
    name: 'e2e',
    command: bin('playwright'),
    args: ['test', '--reporter=list,json'],
    env: { PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightFile },
    // With a Postgres server (as in CI), the journeys run on a fresh database on it: the
    // integration runs cover both databases already, and the server answers the browser's
    // requests about twice as fast as the embedded database's one connection.
    ...(process.env.TEST_DATABASE_URL ? e2eOnServer() : {}),
    counts: () => {
      const s = JSON.parse(readFileSync(playwrightFile, 'utf8')).stats;
      return { passed: s.expected + s.flaky, failed: s.unexpected, skipped: s.skipped };
    }
  }
];

const total: Counts = { passed: 0, failed: 0, skipped: 0 };
const failedLayers: string[] = [];
for (const layer of layers) {
  // `npm test -- integration` runs both integration runs; a run can be named on its own.
  const named = only.some((o) => layer.name === o || layer.name.startsWith(`${o}-`));
  if (only.length && !named) continue;
  console.log(`\n=== ${layer.name} ===`);
  const extra = (await layer.before?.()) ?? {};
  const r = spawnSync(layer.command, layer.args, {
    stdio: 'inherit',
    env: { ...process.env, ...layer.env, ...extra }
  });
  await layer.after?.();
  let counts: Counts | undefined;
  try {
    counts = layer.counts?.();
  } catch {
    counts = undefined;
  }
  if (counts) {
    total.passed += counts.passed;
    total.failed += counts.failed;
    total.skipped += counts.skipped;
    console.log(
      `${layer.name}: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`
    );
  }
  if (r.status !== 0) {
    failedLayers.push(layer.name);
    if (layer.counts && !counts) total.failed += 1; // a runner that crashed counts as a failure
  }
}

if (!process.env.TEST_DATABASE_URL) {
  console.log(
    '\nNote: TEST_DATABASE_URL is not set, so database and integration tests ran on PGlite only (.ci/run sets it).'
  );
}
if (failedLayers.length) console.log(`\nFailed layers: ${failedLayers.join(', ')}`);
console.log(
  `\nall layers: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`
);
process.exit(failedLayers.length ? 1 : 0);
