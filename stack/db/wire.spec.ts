import { describe, expect, it } from 'vitest';
import { durationMs, errorResponse, readyForQuery } from './wire.ts';

describe('wire messages the bridge writes', () => {
  it('frame an ErrorResponse with its SQLSTATE and message', () => {
    const bytes = Buffer.from(
      errorResponse('57014', 'canceling statement due to statement timeout')
    );
    expect(String.fromCharCode(bytes[0]!)).toBe('E');
    expect(bytes.readInt32BE(1)).toBe(bytes.length - 1);
    expect(bytes.toString('utf8')).toContain('C57014\0');
    expect(bytes.toString('utf8')).toContain('Mcanceling statement due to statement timeout\0');
    expect(bytes.at(-1)).toBe(0);
  });

  it('say ready and idle', () => {
    expect([...readyForQuery()]).toEqual([0x5a, 0, 0, 0, 5, 0x49]);
  });
});

describe('statement_timeout values', () => {
  it('read as milliseconds in the units Postgres shows', () => {
    expect(durationMs('3s')).toBe(3000);
    expect(durationMs('8000')).toBe(8000);
    expect(durationMs('250ms')).toBe(250);
    expect(durationMs('1min')).toBe(60_000);
  });

  it('read 0 or anything unknown as no limit', () => {
    expect(durationMs('0')).toBe(0);
    expect(durationMs('soon')).toBe(0);
  });
});
