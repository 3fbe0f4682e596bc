import { describe, expect, it } from 'vitest';
import { eventInstants, eventSchema } from './event.ts';

const raw = (over: Record<string, string> = {}) => ({
  title: 'Show-and-tell',
  kind: 'show_and_tell',
  starts_on: '2027-03-27',
  starts_time: '12:00',
  ends_on: '2027-03-27',
  ends_time: '13:30',
  is_online: 'yes',
  status: 'published',
  ...over
});
const fields = (over: Record<string, string> = {}) => eventSchema().parse(raw(over));

describe('event form checks across fields', () => {
  it('turns London dates and times into instants, GMT before the clocks go forward', () => {
    const out = eventInstants(fields());
    expect(out.ok && out.data.starts_at).toBe('2027-03-27T12:00:00.000Z');
    expect(out.ok && out.data.registration_opens_at).toBeNull();
  });

  it('wants a venue or online, and an end after the start', () => {
    const out = eventInstants(fields({ is_online: '', ends_time: '11:00' }));
    expect(out.ok ? [] : out.errors.map((e) => e.field)).toEqual(['venue', 'ends_on']);
  });

  it('wants both halves of a registration date, and closing after opening', () => {
    const half = eventInstants(fields({ opens_on: '2027-03-01' }));
    expect(half.ok ? [] : half.errors).toEqual([
      {
        field: 'opens_time',
        message: 'Enter both the date and the time registration opens, or neither'
      }
    ]);
    const backwards = eventInstants(
      fields({
        opens_on: '2027-03-10',
        opens_time: '09:00',
        closes_on: '2027-03-01',
        closes_time: '09:00'
      })
    );
    expect(backwards.ok ? [] : backwards.errors.map((e) => e.field)).toEqual(['closes_on']);
  });

  it('reads co-organisers as handles, whatever separates them', () => {
    expect(fields({ organisers: '@jo-newton, tom-fletcher  Jo-Newton' }).organisers).toEqual([
      'jo-newton',
      'tom-fletcher'
    ]);
    expect(eventSchema().safeParse({ ...fields(), organisers: 'not a handle!' }).success).toBe(
      false
    );
  });
});
