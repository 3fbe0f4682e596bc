import { createServer } from 'node:net';

/** Resolves when `port` on `host` can be listened on; rejects with a one-line cause if not. */
export function assertPortFree(
  port: number,
  host: string,
  what: string,
  envName: string
): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (e: NodeJS.ErrnoException) => {
      reject(
        new Error(
          e.code === 'EADDRINUSE'
            ? `Port ${port} (${what}) is already in use: is Network Hub already running? ` +
                `Stop the other one, or choose another port with ${envName}=<port>.`
            : `Cannot listen on ${host}:${port} (${what}): ${e.message}`
        )
      );
    });
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
}

/** Polls an HTTP URL until it answers 2xx, or rejects after `timeoutMs`. */
export async function waitForHttp(
  url: string,
  timeoutMs: number,
  isAlive: () => boolean = () => true
) {
  const until = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < until) {
    if (!isAlive()) throw new Error(`stopped before ${url} answered`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
      last = `HTTP ${res.status}`;
    } catch (e) {
      last = (e as Error).message;
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`${url} did not answer within ${Math.round(timeoutMs / 1000)} s (${last})`);
}
