import { Worker } from 'node:worker_threads';
import type { PGlite } from '@electric-sql/pglite';
import type { FromWorker, ToWorker, WorkerInput } from './pglite-worker.ts';
import { SIMPLE_QUERY, SYNC, TERMINATE, errorResponse, readyForQuery } from './wire.ts';

// The embedded database runs in its own worker thread (pglite-worker.ts); this bridge is
// what pglite-socket's server talks to in the main thread. A statement that outlives the
// statement_timeout in force is stopped the only way PGlite can be: the worker is ended
// (committed data is on disk) and started again, and the client gets Postgres's own
// 57014 error, as a server would send it.

/** A message after which the client waits for ReadyForQuery (or the startup message). */
const endsExchange = (kind: number | undefined) =>
  kind === undefined || kind === 0 || kind === SYNC || kind === SIMPLE_QUERY || kind === TERMINATE;

type Report = Extract<FromWorker, { type: 'ready' }>['report'];

interface Pending {
  onData: (chunk: Uint8Array) => void;
  finish: (error?: string) => void;
  timer?: NodeJS.Timeout;
}

/** The part of PGlite that PGLiteSocketServer uses. */
type SocketDb = Pick<
  PGlite,
  'waitReady' | 'isInTransaction' | 'runExclusive' | 'execProtocolRawStream' | 'exec'
>;

export class PgliteBridge implements SocketDb {
  waitReady = Promise.resolve();
  private worker: Worker | undefined;
  private ready!: Promise<Report>;
  private pending = new Map<number, Pending>();
  private nextId = 1;
  private inTx = false;
  private timeoutMs = 0;
  /** After a cancelled extended-protocol message, the client's messages up to its Sync. */
  private discarding = false;
  /**
   * A client is between the messages of one extended-protocol exchange (Parse, Bind,
   * Execute, ... Sync). pglite-socket keeps serving the same client while we say "in a
   * transaction"; otherwise another client's Bind could replace its unnamed portal in the
   * gap each trip to the worker leaves.
   */
  private midExchange = false;
  private closing = false;
  private readonly dataDir: string;
  private readonly onEvent: (line: string) => void;

  private constructor(dataDir: string, onEvent: (line: string) => void) {
    this.dataDir = dataDir;
    this.onEvent = onEvent;
  }

  /** Opens (migrating and seeding as asked) the database at `dataDir` in a worker. */
  static async open(
    dataDir: string,
    seed: boolean,
    onEvent: (line: string) => void = () => {}
  ): Promise<{ bridge: PgliteBridge; report: NonNullable<Report> }> {
    const bridge = new PgliteBridge(dataDir, onEvent);
    const report = await bridge.start({ seed });
    return { bridge, report: report! };
  }

  /** This bridge as PGLiteSocketServer's `db` (it uses only the SocketDb part). */
  asSocketDb(): PGlite {
    return this as SocketDb as PGlite;
  }

  private start(prepare: WorkerInput['prepare']): Promise<Report> {
    const input: WorkerInput = { dataDir: this.dataDir, prepare };
    const worker = new Worker(new URL('./pglite-worker.ts', import.meta.url), {
      workerData: input
    });
    this.worker = worker;
    this.ready = new Promise<Report>((resolve, reject) => {
      worker.on('message', (m: FromWorker) => {
        if (m.type === 'ready') resolve(m.report);
        else if (m.type === 'failed') reject(new Error(m.message));
        else if (m.type === 'data') this.pending.get(m.id)?.onData(m.chunk);
        else if (m.type === 'done') {
          this.inTx = m.inTransaction;
          this.timeoutMs = m.timeoutMs;
          this.pending.get(m.id)?.finish(m.error);
        }
      });
      worker.once('error', (e) => reject(e));
      worker.once('exit', (code) => {
        if (this.worker !== worker || this.closing) return;
        reject(new Error(`the database worker stopped (code ${code})`));
        for (const p of this.pending.values()) p.finish('the database stopped');
      });
    });
    return this.ready;
  }

  isInTransaction(): boolean {
    return this.inTx || this.discarding || this.midExchange;
  }

  // Messages already come one at a time from pglite-socket's queue.
  runExclusive<T>(fn: () => Promise<T>): Promise<T> {
    return fn();
  }

  async exec(sql: string): ReturnType<PGlite['exec']> {
    // pglite-socket calls this to roll back for a client that went away mid-exchange.
    this.discarding = false;
    this.midExchange = false;
    await this.call({ type: 'exec', id: 0, sql }, () => {});
    return [];
  }

  async execProtocolRawStream(
    message: Uint8Array,
    options?: Parameters<PGlite['execProtocolRawStream']>[1]
  ): Promise<void> {
    const onData = options?.onRawData ?? (() => {});
    if (this.discarding) {
      // As Postgres does after an error: skip to the Sync, then say ready.
      if (message[0] === SYNC) {
        this.discarding = false;
        onData(readyForQuery());
      }
      return;
    }
    await this.call({ type: 'protocol', id: 0, bytes: message }, onData, message[0]);
    this.midExchange = !this.discarding && !endsExchange(message[0]);
  }

  private async call(m: ToWorker & { id: number }, onData: Pending['onData'], kind?: number) {
    if (this.closing) return;
    await this.ready;
    const id = this.nextId++;
    const limit = this.timeoutMs;
    await new Promise<void>((resolve, reject) => {
      const p: Pending = {
        onData,
        finish: (error) => {
          clearTimeout(p.timer);
          this.pending.delete(id);
          // A failed protocol message already told its client, in the protocol.
          if (error && m.type === 'exec') reject(new Error(error));
          else resolve();
        }
      };
      if (limit > 0 && m.type === 'protocol')
        p.timer = setTimeout(() => void this.cancel(id, p, kind, limit), limit);
      this.pending.set(id, p);
      this.worker?.postMessage({ ...m, id });
    });
  }

  private async cancel(id: number, p: Pending, kind: number | undefined, limit: number) {
    this.pending.delete(id);
    const old = this.worker;
    this.worker = undefined;
    await old?.terminate();
    this.onEvent(`A statement ran past statement_timeout (${limit} ms): restarting the database.`);
    this.inTx = false;
    this.midExchange = false;
    this.timeoutMs = 0;
    p.onData(errorResponse('57014', 'canceling statement due to statement timeout'));
    if (kind === SYNC || kind === SIMPLE_QUERY) p.onData(readyForQuery());
    else this.discarding = true;
    this.start(false).catch((e: Error) =>
      this.onEvent(`The database did not restart: ${e.message}`)
    );
    p.finish();
  }

  /**
   * When stopping: a database busy with a statement is ended at once (what it committed
   * is on disk), so nothing waits behind it; an idle one is left for close().
   */
  async stopIfBusy(): Promise<boolean> {
    if (this.pending.size === 0) return false;
    this.closing = true;
    const worker = this.worker;
    this.worker = undefined;
    await worker?.terminate();
    for (const p of this.pending.values()) p.finish('the database is stopping');
    return true;
  }

  /** Closes the database; ends the worker if it is busy past `graceMs` (mid-query). */
  async close(graceMs = 2000): Promise<void> {
    this.closing = true;
    const worker = this.worker;
    if (!worker) return;
    const closed = new Promise<void>((resolve) => {
      worker.on('message', (m: FromWorker) => m.type === 'closed' && resolve());
      worker.once('exit', () => resolve());
    });
    worker.postMessage({ type: 'close' } satisfies ToWorker);
    const timer = setTimeout(() => void worker.terminate(), graceMs);
    await closed;
    clearTimeout(timer);
    await worker.terminate();
  }
}
