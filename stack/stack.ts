import { createServer, type Server } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import type { StackConfig } from './config.ts';
import { keysFor } from './keys.ts';
import { assertPortFree, waitForHttp } from './ports.ts';
import { PgliteBridge } from './db/pglite-bridge.ts';
import { connectPg } from './db/pg.ts';
import { prepareDatabase } from './db/migrate.ts';
import type { Sql } from './db/sql.ts';
import { startPostgrest } from './postgrest.ts';
import { localHostFor } from './net/loopback.ts';
import { spawnChild, type Child } from './supervisor.ts';
import { createGateway } from './gateway/gateway.ts';
import { RequestLog } from './gateway/request-log.ts';
import { createAuthHandler } from './auth/index.ts';
import {
  Mailbox,
  closeSmtp,
  createMailboxHandler,
  createSmtpServer,
  listenSmtp
} from './mailbox/index.ts';

export interface StartOptions {
  app: 'none' | 'build' | 'dev';
  memory: boolean;
  seed: boolean;
  onFatal: (why: string) => void;
}

export interface RunningStack {
  config: StackConfig;
  anonKey: string;
  serviceRoleKey: string;
  stop(): Promise<void>;
}

/** Longest wait for one part of the stack to stop (PostgREST gets SIGKILL before it). */
const STOP_GRACE_MS = 4000;

const listen = (server: Server, port: number, host: string) =>
  new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });

const close = (server: Server) =>
  new Promise<void>((resolve) => {
    server.closeAllConnections?.();
    server.close(() => resolve());
  });

/** With DATABASE_URL, PostgREST logs in as `authenticator` like on Supabase. */
function authenticatorUri(databaseUrl: string): string {
  if (process.env.HUB_POSTGREST_DB_URI) return process.env.HUB_POSTGREST_DB_URI;
  const u = new URL(databaseUrl);
  u.username = 'authenticator';
  u.password = process.env.HUB_AUTHENTICATOR_PASSWORD || 'postgres';
  return u.toString();
}

export async function startStack(c: StackConfig, o: StartOptions): Promise<RunningStack> {
  const t0 = Date.now();
  const say = (line: string) => console.log(line);
  const embedded = !c.databaseUrl;

  // The mailbox (every sign-in code), the database and PostgREST stay on this machine
  // wherever the gateway and the app listen.
  const local = localHostFor(c.host);

  // Fail fast, in one line, if something already holds a port.
  await assertPortFree(c.apiPort, c.host, 'API gateway', 'HUB_API_PORT');
  await assertPortFree(c.mailboxPort, local, 'mailbox', 'HUB_MAILBOX_PORT');
  await assertPortFree(c.smtpPort, local, 'mailbox SMTP', 'HUB_SMTP_PORT');
  await assertPortFree(c.postgrestPort, local, 'PostgREST', 'HUB_POSTGREST_PORT');
  await assertPortFree(c.postgrestAdminPort, local, 'PostgREST admin', 'HUB_POSTGREST_ADMIN_PORT');
  if (embedded) await assertPortFree(c.dbPort, local, 'database', 'HUB_DB_PORT');
  if (o.app !== 'none') await assertPortFree(c.appPort, c.host, 'app', 'PORT');

  const cleanups: (() => Promise<void>)[] = [];
  // A database busy with a long query is ended first; then each part, in reverse order of
  // starting, gets a few seconds to stop, so none can keep the stack up.
  const stopFirst: (() => Promise<void>)[] = [];
  const stop = async () => {
    const steps = [...stopFirst, ...cleanups.reverse()];
    stopFirst.length = 0;
    cleanups.length = 0;
    for (const fn of steps) {
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<void>((r) => (timer = setTimeout(r, STOP_GRACE_MS)));
      await Promise.race([fn(), late])
        .catch((e: Error) => console.error(`While stopping: ${e.message}`))
        .finally(() => clearTimeout(timer));
    }
  };

  try {
    const { anonKey, serviceRoleKey } = await keysFor(c.jwtSecret);
    const authIssuer = `${c.apiUrl}/auth/v1`;

    // 1. Database: migrate and seed before anything can connect.
    let sql: Sql;
    let postgrestDbUri: string;
    let workerDbUrl: string;
    if (embedded) {
      // A throwaway database lives in a temporary folder rather than in memory, so the
      // worker can be restarted after a runaway statement without losing it.
      const where = o.memory ? join(mkdtempSync(join(tmpdir(), 'hub-pglite-')), 'db') : c.dataDir;
      if (o.memory)
        cleanups.push(async () => rmSync(dirname(where), { recursive: true, force: true }));
      const { bridge, report: prep } = await PgliteBridge.open(where, o.seed, (line) =>
        say(`[database] ${line}`)
      );
      cleanups.push(() => bridge.close());
      report(say, prep, o.memory ? 'throwaway' : c.dataDir);
      const socket = new PGLiteSocketServer({
        db: bridge.asSocketDb(),
        port: c.dbPort,
        host: local,
        maxConnections: 24
      });
      await socket.start();
      cleanups.push(() => socket.stop());
      // A long query must hold up nothing: end it, and close its clients' connections so
      // PostgREST is not left waiting for an answer.
      stopFirst.push(async () => {
        if (await bridge.stopIfBusy()) await socket.stop();
      });
      workerDbUrl = `postgres://postgres@${local}:${c.dbPort}/postgres`;
      sql = connectPg(workerDbUrl, 2);
      postgrestDbUri = `postgres://authenticator:postgres@${local}:${c.dbPort}/postgres`;
    } else {
      workerDbUrl = c.databaseUrl!;
      sql = connectPg(c.databaseUrl!, 4);
      const prep = await prepareDatabase(sql, { seed: o.seed });
      report(say, prep, redact(c.databaseUrl!));
      postgrestDbUri = authenticatorUri(c.databaseUrl!);
    }
    cleanups.push(() => sql.close());

    // 2. Mailbox and auth.
    const mailbox = new Mailbox();
    const mailServer = createServer(createMailboxHandler(mailbox));
    await listen(mailServer, c.mailboxPort, local);
    cleanups.push(() => close(mailServer));
    const smtp = createSmtpServer(mailbox);
    await listenSmtp(smtp, c.smtpPort, local);
    cleanups.push(() => closeSmtp(smtp));
    const authHandler = createAuthHandler({
      sql,
      jwtSecret: c.jwtSecret,
      issuer: authIssuer,
      siteUrl: c.siteUrl,
      mailer: mailbox,
      emailRateLimitSeconds: c.emailRateLimitSeconds,
      ipRateLimitPerHour: c.ipRateLimitPerHour,
      log: (line) => say(`[auth] ${line}`)
    });

    // 3. PostgREST, then the gateway in front of it.
    const children: Child[] = [];
    const onUnexpectedExit = (_child: Child, why: string) => o.onFatal(why);
    const postgrest = startPostgrest({
      dbUri: postgrestDbUri,
      port: c.postgrestPort,
      adminPort: c.postgrestAdminPort,
      host: local,
      jwtSecret: c.jwtSecret,
      embedded,
      echo: c.verbose,
      onUnexpectedExit
    });
    children.push(postgrest);
    cleanups.push(() => postgrest.stop());
    await waitForHttp(
      `http://${local}:${c.postgrestAdminPort}/ready`,
      60_000,
      postgrest.alive
    ).catch((e: Error) => {
      throw new Error(
        `PostgREST did not become ready: ${e.message}. It said: ${postgrest.lastOutput() || 'nothing'}`
      );
    });

    const gateway = createGateway({
      postgrestUrl: `http://${local}:${c.postgrestPort}`,
      authHandler,
      validKeys: [anonKey, serviceRoleKey],
      log: new RequestLog(),
      jwtSecret: c.jwtSecret,
      authIssuer,
      // The app the stack runs reaches the gateway from loopback: believe it, no one else.
      trustedProxies: c.trustedProxies ?? (o.app === 'none' ? [] : ['127.0.0.1', '::1'])
    });
    await listen(gateway, c.apiPort, c.host);
    cleanups.push(() => close(gateway));

    // 4. The app.
    let appUrl: string | undefined;
    if (o.app !== 'none') {
      appUrl = `http://${c.host}:${c.appPort}`;
      const env: NodeJS.ProcessEnv = {
        ...process.env,
        PORT: String(c.appPort),
        HOST: c.host,
        SITE_URL: c.siteUrl,
        SUPABASE_URL: c.apiUrl,
        SUPABASE_ANON_KEY: anonKey
      };
      const app =
        o.app === 'build'
          ? spawnChild({
              name: 'app',
              command: process.execPath,
              args: [join(import.meta.dirname, 'serve-app.ts')],
              env,
              echo: true,
              onUnexpectedExit
            })
          : spawnChild({
              name: 'vite',
              command: process.execPath,
              args: [
                join(process.cwd(), 'node_modules', 'vite', 'bin', 'vite.js'),
                'dev',
                '--host',
                c.host,
                '--port',
                String(c.appPort),
                '--strictPort'
              ],
              env,
              echo: true,
              onUnexpectedExit
            });
      children.push(app);
      cleanups.push(() => app.stop());
      await waitForHttp(`${appUrl}/`, 120_000, app.alive).catch((e: Error) => {
        throw new Error(
          `The app did not start: ${e.message}. It said: ${app.lastOutput() || 'nothing'}`
        );
      });

      // 5. The email worker (npm run worker in production), sending into the mailbox.
      if (c.worker) {
        const worker = spawnChild({
          name: 'worker',
          command: process.execPath,
          args: [join(process.cwd(), 'worker', 'index.ts')],
          env: {
            ...process.env,
            DATABASE_URL: workerDbUrl,
            SMTP_URL: process.env.SMTP_URL || `smtp://${local}:${c.smtpPort}`,
            SITE_URL: c.siteUrl
          },
          echo: true,
          onUnexpectedExit
        });
        children.push(worker);
        cleanups.push(() => worker.stop());
      }
    }

    const seconds = ((Date.now() - t0) / 1000).toFixed(1);
    say('');
    say(`  API (Supabase URL)  ${c.apiUrl}     (anon key: the local well-known key; see README)`);
    say(
      `  Database            ${embedded ? `postgres://postgres@${local}:${c.dbPort}/postgres` : redact(c.databaseUrl!)}`
    );
    say(`  Mailbox             http://${local}:${c.mailboxPort}  (SMTP ${local}:${c.smtpPort})`);
    if (o.app !== 'none' && c.worker)
      say('  Email worker        running (npm run worker -- --help)');
    if (appUrl) say(`  App                 ${appUrl}`);
    say('');
    say(`Network Hub is ready at ${appUrl ?? c.apiUrl} (${seconds} s). Press Ctrl-C to stop.`);
    return { config: c, anonKey, serviceRoleKey, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}

function report(
  say: (l: string) => void,
  prep: { applied: string[]; seeded: boolean },
  where: string
) {
  say(`Database: ${where}`);
  say(
    prep.applied.length
      ? `Applied ${prep.applied.length} migration(s): ${prep.applied.join(', ')}`
      : 'Migrations: up to date'
  );
  if (prep.seeded) say('Seeded the demo network (supabase/seed.sql).');
}

function redact(url: string): string {
  const u = new URL(url);
  if (u.password) u.password = '***';
  return u.toString();
}
