// The embedded database in a worker thread of its own (started by pglite-bridge.ts), so
// a slow query holds up only the database, never the gateway, auth or mailbox.
import { parentPort, workerData } from 'node:worker_threads';
import { prepareDatabase } from './migrate.ts';
import { openPglite, pgliteSql } from './pglite.ts';
import { durationMs } from './wire.ts';
import { SIMPLE_QUERY, SYNC } from './wire.ts';

export interface WorkerInput {
  dataDir: string;
  /** Migrate (and seed) before serving: on the first start, not after a restart. */
  prepare: false | { seed: boolean };
}

export type ToWorker =
  | { type: 'protocol'; id: number; bytes: Uint8Array }
  | { type: 'exec'; id: number; sql: string }
  | { type: 'close' };

export type FromWorker =
  | { type: 'ready'; report: Awaited<ReturnType<typeof prepareDatabase>> | null }
  | { type: 'failed'; message: string }
  | { type: 'data'; id: number; chunk: Uint8Array }
  | { type: 'done'; id: number; inTransaction: boolean; timeoutMs: number; error?: string }
  | { type: 'closed' };

const port = parentPort!;
const send = (m: FromWorker, transfer: ArrayBuffer[] = []) => port.postMessage(m, transfer);
const { dataDir, prepare } = workerData as WorkerInput;

const db = await openPglite(dataDir);
try {
  let report = null;
  if (prepare) {
    const direct = pgliteSql(db, false);
    report = await prepareDatabase(direct, prepare);
    // PGlite has no autovacuum, so nothing would ever gather planner statistics.
    await direct.exec('analyze');
  }
  send({ type: 'ready', report });
} catch (e) {
  send({ type: 'failed', message: (e as Error).message });
}

// PGlite cannot time a statement out itself (no timer signals in WebAssembly), so the
// bridge does, using the statement_timeout in force: PostgREST sets the impersonated
// role's (anon 3 s, authenticated 8 s) at the start of each request's transaction.
let timeoutMs = 0;
async function currentTimeout(): Promise<number> {
  try {
    const r = await db.query<{ t: string }>(`select current_setting('statement_timeout') as t`);
    return durationMs(r.rows[0]?.t ?? '0');
  } catch {
    // An aborted transaction refuses every statement until it ends: keep the last value.
    return timeoutMs;
  }
}

port.on('message', async (m: ToWorker) => {
  if (m.type === 'close') {
    await db.close();
    send({ type: 'closed' });
    return;
  }
  let error: string | undefined;
  try {
    if (m.type === 'exec') await db.exec(m.sql);
    else
      await db.execProtocolRawStream(m.bytes, {
        // The chunk is a view into PGlite's memory: copy just it, and hand the copy over.
        onRawData: (chunk) => {
          const copy = chunk.slice();
          send({ type: 'data', id: m.id, chunk: copy }, [copy.buffer]);
        }
      });
  } catch (e) {
    error = (e as Error).message;
  }
  // Between messages of the extended protocol a query of ours would disturb the client's
  // unnamed statement; after a Sync (or a simple query) it cannot.
  // PostgREST sets the role's timeout once per transaction, and it ends with the
  // transaction, so one read per transaction is enough (each read costs a query).
  const boundary = m.type === 'exec' || m.bytes[0] === SYNC || m.bytes[0] === SIMPLE_QUERY;
  if (boundary) {
    if (!db.isInTransaction()) timeoutMs = 0;
    else if (timeoutMs === 0) timeoutMs = await currentTimeout();
  }
  send({ type: 'done', id: m.id, inTransaction: db.isInTransaction(), timeoutMs, error });
});
