// The embedded Supabase-compatible stack, one command: Postgres (PGlite over the wire
// protocol, or the server named by DATABASE_URL), the platform slice and migrations,
// PostgREST, the auth service, the mailbox, the API gateway, and optionally the app.
//
//   node stack/cli.ts            the stack alone (npm run stack)
//   node stack/cli.ts --app      the stack and the built app (npm start)
//   node stack/cli.ts --dev      the stack and `vite dev` (npm run dev)
//   node stack/cli.ts --memory   a throwaway in-memory database (tests)
//   node stack/cli.ts --reset-only   delete the embedded database and stop (npm run db:reset)
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { exposureProblem, readConfig } from './config.ts';
import { startStack, type RunningStack } from './stack.ts';

const args = new Set(process.argv.slice(2));
const known = ['--app', '--dev', '--memory', '--reset-only', '--no-seed'];
for (const a of args) {
  if (!known.includes(a)) {
    console.error(`Unknown option ${a}. Options: ${known.join(', ')}.`);
    process.exit(2);
  }
}

let config;
try {
  config = readConfig();
} catch (e) {
  console.error((e as Error).message);
  process.exit(2);
}
const unsafe = exposureProblem(config);
if (unsafe) {
  console.error(unsafe);
  process.exit(2);
}

if (args.has('--reset-only')) {
  if (config.databaseUrl) {
    console.error(
      'DATABASE_URL is set: reset that database yourself (this command only deletes the embedded one).'
    );
    process.exit(2);
  }
  if (existsSync(config.dataDir)) {
    rmSync(config.dataDir, { recursive: true, force: true });
    console.log(
      `Deleted the embedded database at ${config.dataDir}. The next start migrates and seeds a fresh one.`
    );
  } else {
    console.log(`There is no embedded database at ${config.dataDir}: nothing to reset.`);
  }
  process.exit(0);
}

if (args.has('--app') && !existsSync(join(process.cwd(), 'build', 'index.js'))) {
  console.error(
    'The app is not built yet: run `npm run build` first (npm start does this for you).'
  );
  process.exit(2);
}

let running: RunningStack | undefined;
let stopping = false;

async function stop(code: number, why?: string) {
  if (stopping) return;
  stopping = true;
  if (why) console.error(why);
  try {
    await running?.stop();
  } catch (e) {
    console.error(`While stopping: ${(e as Error).message}`);
  }
  process.exit(code);
}

process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));
process.on('SIGHUP', () => void stop(0));

try {
  running = await startStack(config, {
    app: args.has('--app') ? 'build' : args.has('--dev') ? 'dev' : 'none',
    memory: args.has('--memory'),
    seed: !args.has('--no-seed'),
    onFatal: (why) =>
      void stop(
        why === 'interrupted' ? 0 : 1,
        why === 'interrupted' ? undefined : `Network Hub stopped: ${why}`
      )
  });
} catch (e) {
  await stop(1, `Network Hub could not start: ${(e as Error).message}`);
}
