import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';

// Event forms take a date and a time on the London clock ("2026-10-25", "09:30"); the
// database stores instants. This is the one place the two are converted, so British Summer
// Time and GMT are handled the same way everywhere.
const ZONE = 'Europe/London';
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Whether "HH:mm" is a time of day on a 24-hour clock. */
export function isClockTime(value: string): boolean {
  return TIME.test(value);
}

/**
 * The instant a London date and time name, or null if they are not a real date and time.
 * In the hour the clocks go back (01:00 to 02:00 happens twice) the first, BST, one is
 * meant; in the hour they go forward (01:00 to 02:00 does not happen) the time is read
 * an hour later, as a clock that had been put forward would show it.
 */
export function londonToInstant(date: string, time: string): Date | null {
  const d = DATE.exec(date);
  const t = TIME.exec(time);
  if (!d || !t) return null;
  const [y, m, day] = [Number(d[1]), Number(d[2]) - 1, Number(d[3])];
  const check = new Date(Date.UTC(y, m, day));
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== m || check.getUTCDate() !== day) {
    return null;
  }
  const ms = new TZDate(y, m, day, Number(t[1]), Number(t[2]), ZONE).getTime();
  // The repeated hour: if an hour earlier reads the same on the clock, that was the first.
  const earlier = instantToLondon(new Date(ms - 3_600_000));
  return new Date(earlier.date === date && earlier.time === time ? ms - 3_600_000 : ms);
}

/** An instant as the London date and time a form shows: { date: "2026-10-25", time: "09:30" }. */
export function instantToLondon(value: string | Date): { date: string; time: string } {
  const local = new TZDate(typeof value === 'string' ? new Date(value) : value, ZONE);
  return { date: format(local, 'yyyy-MM-dd'), time: format(local, 'HH:mm') };
}
