import { TZDate } from '@date-fns/tz';
import { addDays, format, parseISO } from 'date-fns';

// The one way dates are shown: UK time (Europe/London), GOV.UK style, whatever the
// server's own time zone.
const ZONE = 'Europe/London';
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

function inLondon(value: string | Date): TZDate {
  return new TZDate(typeof value === 'string' ? parseISO(value) : value, ZONE);
}

/** A calendar date ("2026-03-29") as a local date, never shifted across zones. */
function calendarDate(value: string): Date {
  return parseISO(value);
}

/** "29 March 2026". A date-only value is shown as is; an instant as its London date. */
export function formatDate(value: string): string {
  return DATE_ONLY.test(value)
    ? format(calendarDate(value), 'd MMMM yyyy')
    : format(inLondon(value), 'd MMMM yyyy');
}

/** "2:30pm", "10am", "midday", "midnight" (GOV.UK style), in London time. */
export function formatTime(value: string | Date): string {
  const d = inLondon(value);
  if (d.getMinutes() === 0) {
    if (d.getHours() === 12) return 'midday';
    if (d.getHours() === 0) return 'midnight';
    return format(d, 'haaa');
  }
  return format(d, 'h:mmaaa');
}

/** "Wednesday 1 July 2026, 2:30pm" */
export function formatDateTime(value: string | Date): string {
  return `${format(inLondon(value), 'EEEE d MMMM yyyy')}, ${formatTime(value)}`;
}

/** "Saturday 10 January 2026, 10am to 4:30pm", or two full date-times across days. */
export function formatRange(start: string | Date, end: string | Date): string {
  const a = inLondon(start);
  const b = inLondon(end);
  if (format(a, 'yyyy-MM-dd') === format(b, 'yyyy-MM-dd')) {
    return `${format(a, 'EEEE d MMMM yyyy')}, ${formatTime(start)} to ${formatTime(end)}`;
  }
  return `${formatDateTime(start)} to ${formatDateTime(end)}`;
}

/** Today's date in London as "yyyy-MM-dd" (after 11pm UTC in summer it is already tomorrow). */
export function todayInLondon(now: Date = new Date()): string {
  return format(inLondon(now), 'yyyy-MM-dd');
}

/** A calendar date plus some days, as "yyyy-MM-dd". */
export function addDaysTo(date: string, days: number): string {
  return format(addDays(calendarDate(date), days), 'yyyy-MM-dd');
}
