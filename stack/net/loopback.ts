// What counts as "this machine only", for listening and for trusting a peer.

const LOOPBACK_HOSTS = new Set(['127.0.0.1', '::1', 'localhost']);

/** True for a host name the stack may listen on without being reachable from elsewhere. */
export const isLoopbackHost = (host: string) => LOOPBACK_HOSTS.has(host.toLowerCase());

/** A socket address without the IPv4-in-IPv6 prefix: `::ffff:10.0.0.1` is `10.0.0.1`. */
export const plainAddress = (address: string) => address.replace(/^::ffff:(?=\d+\.)/i, '');

/** True for a peer on this machine (all of 127.0.0.0/8, and ::1). */
export function isLoopbackPeer(address: string): boolean {
  const a = plainAddress(address);
  return a === '::1' || a.startsWith('127.');
}

/** Where the parts that must stay on this machine listen (mailbox, database, PostgREST). */
export const localHostFor = (host: string) => (host === '::1' ? '::1' : '127.0.0.1');
