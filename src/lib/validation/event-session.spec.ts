import { describe, expect, it } from 'vitest';
import {
  acceptSchema,
  blockInstants,
  londonInstant,
  parseClock,
  placeSchema
} from './event-session.ts';

describe('parseClock', () => {
  it('reads 24-hour and am/pm times', () => {
    expect(parseClock('14:30')).toEqual({ hours: 14, minutes: 30 });
    expect(parseClock('9.05')).toEqual({ hours: 9, minutes: 5 });
    expect(parseClock('2:30pm')).toEqual({ hours: 14, minutes: 30 });
    expect(parseClock('12am')).toEqual({ hours: 0, minutes: 0 });
    expect(parseClock('12pm')).toEqual({ hours: 12, minutes: 0 });
  });

  it('refuses what is not a time', () => {
    for (const value of ['', '14', '25:00', '10:75', '13pm', 'noon']) {
      expect(parseClock(value), value).toBeNull();
    }
  });
});

describe('londonInstant', () => {
  it('reads a time on the London clock in summer (BST) and in winter (GMT)', () => {
    expect(londonInstant('2027-07-01', { hours: 10, minutes: 0 })).toBe('2027-07-01T09:00:00.000Z');
    expect(londonInstant('2027-01-15', { hours: 10, minutes: 0 })).toBe('2027-01-15T10:00:00.000Z');
  });

  it('gives the right instants on the day British Summer Time ends', () => {
    // 31 October 2027: clocks go back at 02:00 BST.
    expect(blockInstants({ day: '2027-10-31', from: '00:30', to: '10:00' })).toEqual({
      startsAt: '2027-10-30T23:30:00.000Z',
      endsAt: '2027-10-31T10:00:00.000Z'
    });
  });
});

describe('placing and accepting', () => {
  const pitch = '00000000-0000-4000-8000-000000000001';

  it('refuses an end time before the start time', () => {
    const r = placeSchema.safeParse({
      pitch_id: pitch,
      room: 'Room 1',
      day: '2027-05-01',
      from: '11:00',
      to: '10:00'
    });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.path[0])).toEqual(['to']);
  });

  it('accepts into an open slot without a time, and asks for a time for a new slot', () => {
    expect(acceptSchema.safeParse({ offer_id: pitch, slot: pitch }).success).toBe(true);
    const r = acceptSchema.safeParse({ offer_id: pitch, day: '2027-05-01' });
    expect(r.error?.issues.map((i) => i.path[0])).toEqual(['from', 'to']);
  });
});
