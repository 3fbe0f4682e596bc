import { describe, expect, it } from 'vitest';
import { DataError, serviceTroubleMessage, toDataError, unwrap } from './errors.ts';

describe('toDataError', () => {
  it('treats no answer at all as the service being unavailable', () => {
    const fetchFailed = { message: 'TypeError: fetch failed', code: '', details: 'ECONNREFUSED' };
    expect(toDataError(fetchFailed, 0).kind).toBe('unavailable');
    expect(toDataError(new TypeError('fetch failed')).kind).toBe('unavailable');
  });

  it('treats gateway errors and PostgREST losing its database as unavailable', () => {
    expect(toDataError({ message: 'Bad Gateway' }, 502).kind).toBe('unavailable');
    expect(toDataError({ message: 'Service Unavailable' }, 503).kind).toBe('unavailable');
    expect(toDataError({ message: 'Database client error', code: 'PGRST001' }, 503).kind).toBe(
      'unavailable'
    );
  });

  it('treats an auth retryable fetch error as unavailable', () => {
    const error = Object.assign(new Error('fetch failed'), {
      name: 'AuthRetryableFetchError',
      status: 0
    });
    expect(toDataError(error).kind).toBe('unavailable');
  });

  it('reports a stale version (PT409 → HTTP 409) as a conflict, keeping the code', () => {
    const error = toDataError({ message: 'This profile was changed…', code: 'PT409' }, 409);
    expect(error.kind).toBe('conflict');
    expect(error.status).toBe(409);
    expect(error.code).toBe('PT409');
  });

  it('reports a unique violation as a conflict with its Postgres code', () => {
    expect(toDataError({ message: 'duplicate key', code: '23505' }, 409).code).toBe('23505');
  });

  it('reports a foreign key violation (HTTP 409) as invalid input, not an edit conflict', () => {
    expect(toDataError({ message: 'violates foreign key', code: '23503' }, 409).kind).toBe(
      'invalid'
    );
  });

  it('reports row-level security refusals as forbidden', () => {
    expect(
      toDataError({ message: 'new row violates row-level security', code: '42501' }, 401).kind
    ).toBe('forbidden');
  });

  it('reports a missing single row as not found and bad input as invalid', () => {
    expect(toDataError({ message: 'JSON object requested', code: 'PGRST116' }, 406).kind).toBe(
      'not_found'
    );
    expect(toDataError({ message: 'check constraint', code: '23514' }, 400).kind).toBe('invalid');
  });

  it('reports a page past the end of a list (PGRST103, HTTP 416) as not found', () => {
    const pastTheEnd = { message: 'Requested range not satisfiable', code: 'PGRST103' };
    expect(toDataError(pastTheEnd, 416).kind).toBe('not_found');
  });

  it('says unknown for anything else', () => {
    expect(toDataError({ message: 'odd', code: 'XX000' }, 500).kind).toBe('unknown');
  });
});

describe('unwrap', () => {
  it('returns the data of a successful result', () => {
    expect(unwrap({ data: [1, 2], error: null, status: 200 })).toEqual([1, 2]);
  });

  it('throws a DataError for a failed result', () => {
    expect(() =>
      unwrap({ data: null, error: { message: 'x', code: 'PT409' }, status: 409 })
    ).toThrow(DataError);
  });

  it('says what is missing when no row came back', () => {
    expect(() => unwrap({ data: null, error: null, status: 200 }, 'No such event.')).toThrow(
      expect.objectContaining({ kind: 'not_found', message: 'No such event.' })
    );
  });
});

describe('a statement the database cancelled', () => {
  const timedOut = {
    message: 'canceling statement due to statement timeout',
    code: '57014',
    details: null,
    hint: null
  };

  it('is the hub being busy, not the request being wrong', () => {
    expect(toDataError(timedOut, 500).kind).toBe('busy');
    expect(toDataError(timedOut, 503).kind).toBe('busy');
  });

  it('tells the person the hub is busy and to try again in a minute', () => {
    expect(serviceTroubleMessage(toDataError(timedOut, 500).kind)).toMatch(
      /The hub is busy.*Try again in a minute\./
    );
    expect(serviceTroubleMessage('invalid')).toBeNull();
  });
});

describe('a refusal the database explained', () => {
  it('keeps the hint that says what to do next', () => {
    const error = toDataError(
      {
        message: 'Only members of a workstream can put things in it.',
        code: '42501',
        hint: 'Join it first.'
      },
      403
    );
    expect(error.kind).toBe('forbidden');
    expect(error.hint).toBe('Join it first.');
  });
});
