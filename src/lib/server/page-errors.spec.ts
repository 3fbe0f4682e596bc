import { isHttpError } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { BUSY_MESSAGE } from './errors.ts';
import { failPage } from './page-errors.ts';

function thrownBy(run: () => unknown): unknown {
  try {
    run();
  } catch (thrown) {
    return thrown;
  }
  return undefined;
}

describe('failPage', () => {
  it('answers a statement timeout (57014) with a 503 page saying the hub is busy', () => {
    const thrown = thrownBy(() =>
      failPage({ message: 'canceling statement due to statement timeout', code: '57014' })
    );
    expect(isHttpError(thrown, 503)).toBe(true);
    expect(isHttpError(thrown) && thrown.body).toMatchObject({
      message: BUSY_MESSAGE,
      kind: 'busy'
    });
  });

  it('still answers the data service being down with a 503 of its own kind', () => {
    const thrown = thrownBy(() => failPage({ message: 'Bad Gateway', code: 'PGRST001' }));
    expect(isHttpError(thrown, 503) && thrown.body.kind).toBe('unavailable');
  });
});
