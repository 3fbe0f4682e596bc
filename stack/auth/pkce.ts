import { createHash } from 'node:crypto';

// PKCE rules as GoTrue applies them (security/pkce.go).

const CHALLENGE_RE = /^[A-Za-z0-9._~-]{43,128}$/;

export type ChallengeMethod = 's256' | 'plain';

/**
 * Checks the challenge fields of a request: both or neither. Returns the normalised pair,
 * null when the implicit flow is used, or an error message for a 400 validation_failed.
 */
export function parseChallenge(
  challenge: unknown,
  method: unknown
): { challenge: string; method: ChallengeMethod } | null | string {
  const hasChallenge = typeof challenge === 'string' && challenge !== '';
  const hasMethod = typeof method === 'string' && method !== '';
  if (!hasChallenge && !hasMethod) return null;
  if (!hasChallenge || !hasMethod)
    return 'PKCE flow requires code_challenge and code_challenge_method';
  const m = (method as string).toLowerCase();
  if (m !== 's256' && m !== 'plain') return 'code_challenge_method must be s256 or plain';
  if (!CHALLENGE_RE.test(challenge as string))
    return 'code_challenge must be 43 to 128 characters of A-Z, a-z, 0-9, ".", "_", "~" or "-"';
  return { challenge: challenge as string, method: m };
}

/** s256: base64url-nopad(SHA-256(verifier)) equals the challenge; plain: equal strings. */
export function verifierMatches(
  verifier: string,
  challenge: string,
  method: ChallengeMethod
): boolean {
  if (method === 'plain') return verifier === challenge;
  const digest = createHash('sha256').update(verifier).digest('base64url');
  return digest === challenge;
}
