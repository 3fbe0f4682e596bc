import { describe, expect, it } from 'vitest';
import {
  addDaysTo,
  formatDate,
  formatDateTime,
  formatRange,
  formatTime,
  todayInLondon
} from './dates.ts';

describe('dates in Europe/London', () => {
  it('formats a database date without shifting it across time zones', () => {
    expect(formatDate('2026-03-29')).toBe('29 March 2026');
  });

  it('shows an instant in London summer time', () => {
    // 13:30 UTC on 1 July is 2:30pm in London (BST).
    expect(formatTime('2026-07-01T13:30:00Z')).toBe('2:30pm');
    expect(formatDateTime('2026-07-01T13:30:00Z')).toBe('Wednesday 1 July 2026, 2:30pm');
  });

  it('writes whole hours and midday the GOV.UK way', () => {
    expect(formatTime('2026-01-10T10:00:00Z')).toBe('10am');
    expect(formatTime('2026-01-10T12:00:00Z')).toBe('midday');
  });

  it('gives a same-day range one date and a multi-day range two', () => {
    expect(formatRange('2026-01-10T10:00:00Z', '2026-01-10T16:30:00Z')).toBe(
      'Saturday 10 January 2026, 10am to 4:30pm'
    );
    expect(formatRange('2026-06-19T08:00:00Z', '2026-06-20T16:00:00Z')).toBe(
      'Friday 19 June 2026, 9am to Saturday 20 June 2026, 5pm'
    );
  });

  it("takes today's date from London, not UTC", () => {
    // 23:30 UTC on 30 June is already 1 July in London.
    expect(todayInLondon(new Date('2026-06-30T23:30:00Z'))).toBe('2026-07-01');
  });

  it('adds calendar days to a date', () => {
    expect(addDaysTo('2026-11-27', 28)).toBe('2026-12-25');
  });
});
