import { describe, expect, it } from 'vitest';
import { exposureProblem, readConfig } from './config.ts';

const config = (env: NodeJS.ProcessEnv) => readConfig(env, '/tmp');
const SECRET = 'a-long-random-secret-that-is-not-the-well-known-one-0123456789';

describe('starting beyond loopback', () => {
  it('is fine on loopback with the well-known secret and the embedded database', () => {
    for (const host of ['127.0.0.1', '::1', 'localhost'])
      expect(exposureProblem(config({ HUB_HOST: host }))).toBeNull();
  });

  it('is refused, in one line, with the well-known JWT secret', () => {
    const why = exposureProblem(config({ HUB_HOST: '0.0.0.0' }));
    expect(why).toMatch(
      /^Refusing to listen on HUB_HOST=0\.0\.0\.0 with the well-known JWT secret/
    );
    expect(why).toMatch(/Set JWT_SECRET/);
    expect(why!.split('\n')).toHaveLength(1);
  });

  it('is refused with a database URL that has no password', () => {
    const why = exposureProblem(
      config({
        HUB_HOST: '0.0.0.0',
        JWT_SECRET: SECRET,
        DATABASE_URL: 'postgres://postgres@db:5432/hub'
      })
    );
    expect(why).toMatch(/DATABASE_URL that has no password/);
  });

  it('is allowed with its own secret, and a password on a database server', () => {
    expect(exposureProblem(config({ HUB_HOST: '0.0.0.0', JWT_SECRET: SECRET }))).toBeNull();
    expect(
      exposureProblem(
        config({
          HUB_HOST: '0.0.0.0',
          JWT_SECRET: SECRET,
          DATABASE_URL: 'postgres://hub:pw@db/hub'
        })
      )
    ).toBeNull();
  });
});

describe('trusted proxies', () => {
  it('are read as a comma-separated list, and left to the stack when unset', () => {
    expect(config({ HUB_TRUSTED_PROXIES: '10.0.0.5, 10.0.0.6' }).trustedProxies).toEqual([
      '10.0.0.5',
      '10.0.0.6'
    ]);
    expect(config({}).trustedProxies).toBeUndefined();
  });
});
