import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { eventsCalendar } from './calendar.ts';
import type { CalendarEvent } from './events.ts';

const event = (over: Partial<CalendarEvent> = {}): CalendarEvent => ({
  id: '0b6f7c1e-9d2a-4c1b-8f3e-2a1b3c4d5e6f',
  slug: 'localgovcamp-north',
  title: 'LocalGovCamp North',
  summary: 'Two days in Leeds.',
  status: 'published',
  starts_at: '2027-10-30T08:30:00Z',
  ends_at: '2027-10-31T16:30:00Z',
  venue: 'Leeds, Central Library',
  is_online: false,
  version: 1,
  updated_at: '2027-09-01T10:00:00Z',
  ...over
});

const parse = (ics: string) => {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  ICAL.TimezoneService.register(
    new ICAL.Timezone(calendar.getFirstSubcomponent('vtimezone')!),
    'Europe/London'
  );
  return calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
};

describe('event calendars', () => {
  it('writes London clock times with the zone, read back as the right instants across the end of BST', () => {
    const ics = eventsCalendar([event()], { name: 'Events', origin: 'https://hub.example' });
    expect(ics).toContain('DTSTART;TZID=Europe/London:20271030T093000');
    // The clocks go back on 31 October 2027: 16:30 that day is GMT.
    expect(ics).toContain('DTEND;TZID=Europe/London:20271031T163000');
    const [e] = parse(ics);
    expect(e!.startDate.toJSDate().toISOString()).toBe('2027-10-30T08:30:00.000Z');
    expect(e!.endDate.toJSDate().toISOString()).toBe('2027-10-31T16:30:00.000Z');
  });

  it('gives each event a stable UID on the site’s host and a SEQUENCE from its version', () => {
    const origin = 'https://hub.example';
    const [first] = parse(eventsCalendar([event()], { name: 'Events', origin }));
    const [edited] = parse(eventsCalendar([event({ version: 4 })], { name: 'Events', origin }));
    expect(first!.uid).toBe('0b6f7c1e-9d2a-4c1b-8f3e-2a1b3c4d5e6f@hub.example');
    expect(edited!.uid).toBe(first!.uid);
    expect(first!.sequence).toBe(0);
    expect(edited!.sequence).toBe(3);
  });

  it('marks a cancelled event CANCELLED and says so in its title', () => {
    const ics = eventsCalendar([event({ status: 'cancelled', version: 2 })], {
      name: 'Events',
      origin: 'https://hub.example'
    });
    const [e] = parse(ics);
    expect(e!.component.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(e!.summary).toBe('Cancelled: LocalGovCamp North');
  });
});
