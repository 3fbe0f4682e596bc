import { plainAddress } from '../net/loopback.ts';

/**
 * The address a request really comes from, as the gateway passes it on in
 * X-Forwarded-For: the socket peer, unless the peer is a trusted proxy (the app), whose
 * own X-Forwarded-For entry (the last one, the one it added) is believed. A header sent
 * by anyone else is replaced, so no client chooses its own rate-limit bucket.
 */
export function clientAddress(
  peer: string | undefined,
  forwardedFor: string | string[] | undefined,
  trustedProxies: readonly string[]
): string {
  const from = plainAddress(peer ?? 'unknown');
  if (!trustedProxies.includes(from) || forwardedFor === undefined) return from;
  const joined = Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor;
  const last = joined.split(',').at(-1)?.trim();
  return last ? plainAddress(last) : from;
}
