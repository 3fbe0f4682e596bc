/**
 * Which database the integration stack runs on: the embedded PGlite (the default), or,
 * with HUB_TEST_INTEGRATION_DB=postgres, a fresh database on the TEST_DATABASE_URL
 * server, the production path.
 */
export function integrationDatabase(): 'pglite' | 'postgres' {
  const wanted = process.env.HUB_TEST_INTEGRATION_DB ?? 'pglite';
  if (wanted === 'pglite') return 'pglite';
  if (wanted !== 'postgres') {
    throw new Error(`HUB_TEST_INTEGRATION_DB must be pglite or postgres, not ${wanted}`);
  }
  if (!process.env.TEST_DATABASE_URL) {
    throw new Error('HUB_TEST_INTEGRATION_DB=postgres needs TEST_DATABASE_URL (the server).');
  }
  return 'postgres';
}
