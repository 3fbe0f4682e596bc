import { describe, expect, it } from 'vitest';
import { renderEmail, verbPhrase } from './templates.ts';

const ctx = {
  siteUrl: 'https://hub.example/',
  recipientName: 'Sam',
  unsubscribeUrl: 'https://hub.example/unsubscribe?token=t'
};

describe('email templates', () => {
  it('groups a digest by workstream with a link per item and says how many', () => {
    const mail = renderEmail(
      'digest',
      {
        frequency: 'weekly',
        total: 2,
        groups: [
          {
            workstream_slug: 'repairs',
            workstream_title: 'Housing repairs',
            items: [
              {
                kind: 'commitments',
                title: 'Map the journey',
                path: '/commitments/1',
                verb: 'checked_in'
              }
            ]
          },
          {
            workstream_slug: null,
            workstream_title: null,
            items: [
              { kind: 'outputs', title: 'Bin data', path: '/outputs/bin-data', verb: 'published' }
            ]
          }
        ]
      },
      ctx
    );
    expect(mail.subject).toBe('Your Network Hub weekly digest: 2 updates');
    expect(mail.text).toContain('Housing repairs\n---------------');
    expect(mail.text).toContain(
      '* Commitment: Map the journey (checked in)\n  https://hub.example/commitments/1'
    );
    expect(mail.text).toContain('Across the network');
    expect(mail.html).toContain(
      '<a href="https://hub.example/outputs/bin-data">Output: Bin data (published)</a>'
    );
  });

  it('ends every email with its own unsubscribe link and the settings page', () => {
    const mail = renderEmail(
      'commitment_overdue',
      { commitment_id: 'c1', commitment_title: 'Ship it', next_check_in_on: '2026-11-20' },
      ctx
    );
    expect(mail.subject).toBe('Time to check in: Ship it');
    expect(mail.text).toContain('was due a check-in on 20 November 2026');
    expect(mail.text).toContain(
      'Stop check-in reminders emails: https://hub.example/unsubscribe?token=t'
    );
    expect(mail.text).toContain('https://hub.example/me/settings');
  });

  it('escapes what members wrote in the HTML part', () => {
    const mail = renderEmail(
      'outcome_output',
      {
        output_title: '<script>x</script>',
        output_slug: 'x',
        outcome_slug: 'o',
        outcome_name: 'Open'
      },
      ctx
    );
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('&#60;script&#62;');
  });

  it('words activity verbs for people', () => {
    expect(verbPhrase('checked_in_done')).toBe('done');
    expect(verbPhrase('something_new')).toBe('something new');
  });
});
