import { describe, expect, it } from 'vitest';
import { notificationText } from './notification-text.ts';

const tom = { display_name: 'Tom Fletcher' };
const academy = { title: 'Change Academy' };

describe('notification text', () => {
  it('says who added the member to which workstream', () => {
    expect(
      notificationText({
        verb: 'added_to_workstream',
        summary: null,
        actor: tom,
        workstreams: academy
      })
    ).toBe('Tom Fletcher added you to the Change Academy workstream');
  });

  it('says who made the member a lead', () => {
    expect(
      notificationText({
        verb: 'made_workstream_lead',
        summary: null,
        actor: tom,
        workstreams: academy
      })
    ).toBe('Tom Fletcher made you a lead of the Change Academy workstream');
  });

  it('says "Someone" when the actor has gone and uses the title it had when the workstream is hidden', () => {
    expect(
      notificationText({
        verb: 'added_to_workstream',
        summary: 'Old title',
        actor: null,
        workstreams: null
      })
    ).toBe('Someone added you to the Old title workstream');
  });
});
