import { describe, expect, it } from 'vitest';
import { instantToLondon, isClockTime, londonToInstant } from './london-time.ts';

describe('London date and time to an instant', () => {
  it('reads summer times as British Summer Time (UTC+1)', () => {
    expect(londonToInstant('2026-10-24', '09:30')?.toISOString()).toBe('2026-10-24T08:30:00.000Z');
  });

  it('reads times after the clocks go back as GMT', () => {
    expect(londonToInstant('2026-10-25', '09:30')?.toISOString()).toBe('2026-10-25T09:30:00.000Z');
    expect(londonToInstant('2026-12-01', '18:00')?.toISOString()).toBe('2026-12-01T18:00:00.000Z');
  });

  it('takes the first (BST) 01:30 on the night the clocks go back', () => {
    expect(londonToInstant('2026-10-25', '01:30')?.toISOString()).toBe('2026-10-25T00:30:00.000Z');
  });

  it('reads a time in the skipped hour in spring as an hour later', () => {
    expect(londonToInstant('2027-03-28', '01:30')?.toISOString()).toBe('2027-03-28T01:30:00.000Z');
  });

  it('refuses dates and times that do not exist', () => {
    expect(londonToInstant('2026-02-31', '10:00')).toBeNull();
    expect(londonToInstant('2026-10-25', '24:00')).toBeNull();
    expect(londonToInstant('25/10/2026', '10:00')).toBeNull();
    expect(londonToInstant('2026-10-25', '9am')).toBeNull();
  });
});

describe('an instant as London date and time', () => {
  it('shows the London clock either side of the end of BST', () => {
    expect(instantToLondon('2026-10-24T08:30:00Z')).toEqual({ date: '2026-10-24', time: '09:30' });
    expect(instantToLondon('2026-10-25T09:30:00Z')).toEqual({ date: '2026-10-25', time: '09:30' });
    expect(instantToLondon('2026-10-24T23:30:00Z')).toEqual({ date: '2026-10-25', time: '00:30' });
  });

  it('round-trips every half hour across the night the clocks go back', () => {
    for (
      let ms = Date.parse('2026-10-24T22:00:00Z');
      ms < Date.parse('2026-10-25T04:00:00Z');
      ms += 1_800_000
    ) {
      const { date, time } = instantToLondon(new Date(ms));
      const back = londonToInstant(date, time)!.getTime();
      // The repeated hour maps back to its first (BST) reading.
      expect(back === ms || back === ms - 3_600_000).toBe(true);
    }
  });
});

describe('clock times', () => {
  it('accepts 24-hour times only', () => {
    expect(isClockTime('00:00')).toBe(true);
    expect(isClockTime('23:59')).toBe(true);
    expect(isClockTime('7:30')).toBe(false);
    expect(isClockTime('12:60')).toBe(false);
  });
});
