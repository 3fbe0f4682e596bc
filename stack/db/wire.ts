// The few Postgres wire-protocol messages the embedded database's bridge writes itself
// (https://www.postgresql.org/docs/current/protocol-message-formats.html).

export const SIMPLE_QUERY = 'Q'.charCodeAt(0);
export const SYNC = 'S'.charCodeAt(0);
export const TERMINATE = 'X'.charCodeAt(0);

/** ReadyForQuery, idle: after a cancelled statement the restarted database has no transaction. */
export function readyForQuery(): Uint8Array {
  return Uint8Array.from([0x5a, 0, 0, 0, 5, 'I'.charCodeAt(0)]);
}

/** An ErrorResponse with severity ERROR, a SQLSTATE and a message. */
export function errorResponse(sqlstate: string, message: string): Uint8Array {
  const field = (code: string, value: string) =>
    Buffer.concat([Buffer.from(code), Buffer.from(value, 'utf8'), Buffer.from([0])]);
  const body = Buffer.concat([
    field('S', 'ERROR'),
    field('V', 'ERROR'),
    field('C', sqlstate),
    field('M', message),
    Buffer.from([0])
  ]);
  const head = Buffer.alloc(5);
  head[0] = 'E'.charCodeAt(0);
  head.writeInt32BE(body.length + 4, 1);
  return new Uint8Array(Buffer.concat([head, body]));
}

/** Milliseconds in a Postgres duration setting ('3s', '8000', '1min'); 0 = no limit. */
export function durationMs(setting: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(us|ms|s|min|h|d)?\s*$/.exec(setting);
  if (!m) return 0;
  const scale = { us: 0.001, ms: 1, s: 1000, min: 60_000, h: 3_600_000, d: 86_400_000 };
  return Number(m[1]) * scale[(m[2] ?? 'ms') as keyof typeof scale];
}
