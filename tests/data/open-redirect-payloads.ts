import { readFileSync } from 'node:fs';

/** The open-redirect corpus in `open-redirect-payloads.txt` (comments and blanks dropped). */
export const openRedirectPayloads: string[] = readFileSync(
  new URL('./open-redirect-payloads.txt', import.meta.url),
  'utf8'
)
  .split('\n')
  .filter((line) => line !== '' && !line.startsWith('# '));

/**
 * Whether `location` (a Location header or a path) stays on `origin`: a path, not a
 * protocol-relative or backslash address, that resolves to the same origin.
 */
export function staysOn(origin: string, location: string | null): boolean {
  if (location === null) return false;
  const resolved = new URL(location, origin);
  const path = location.startsWith(origin) ? location.slice(origin.length) : location;
  return (
    resolved.origin === origin &&
    path.startsWith('/') &&
    !path.startsWith('//') &&
    !path.includes('\\')
  );
}
