import { describe, expect, it } from 'vitest';
import {
  ENUMS,
  eventKindTag,
  isOneOf,
  maturityTag,
  MATURITY_CHOICES,
  OUTPUT_KIND_CHOICES,
  outputKindLabel,
  phaseLabel,
  STATUS_CHOICES,
  stalenessTag,
  statusLabel,
  statusTag,
  WORKSTREAM_STATUS_CHOICES,
  workstreamStatusTag
} from './labels.ts';

describe('staleness and status tags', () => {
  it('flags an overdue commitment orange and a dormant one red, with the days', () => {
    expect(stalenessTag('overdue', 3)).toEqual({
      text: 'Overdue (3 days)',
      className: 'govuk-tag--orange'
    });
    expect(stalenessTag('dormant', 45)).toEqual({
      text: 'Dormant (45 days)',
      className: 'govuk-tag--red'
    });
    expect(stalenessTag('overdue', 1)?.text).toBe('Overdue (1 day)');
  });

  it('shows nothing for a commitment on track', () => {
    expect(stalenessTag('on_track', 0)).toBeNull();
    expect(stalenessTag(null)).toBeNull();
  });

  it('shows done in green and an unknown status as grey rather than failing', () => {
    expect(statusTag('done')).toEqual({ text: 'Done', className: 'govuk-tag--green' });
    expect(statusLabel('in_progress')).toBe('In progress');
    expect(statusTag('mystery').className).toBe('govuk-tag--grey');
    expect(statusTag('toString').text).toBe('Unknown');
    expect(workstreamStatusTag('proposed').text).toBe('Proposed');
  });
});

describe('labels for every value the database has', () => {
  it('offers each enum value once in its choices', () => {
    const sorted = (values: readonly string[]) => [...values].sort();
    expect(sorted(STATUS_CHOICES.map((c) => c.value))).toEqual(sorted(ENUMS.commitment_status));
    expect(sorted(WORKSTREAM_STATUS_CHOICES.map((c) => c.value))).toEqual(
      sorted(ENUMS.workstream_status)
    );
    expect(sorted(OUTPUT_KIND_CHOICES.map((c) => c.value))).toEqual(sorted(ENUMS.output_kind));
    expect(sorted(MATURITY_CHOICES.map((c) => c.value))).toEqual(sorted(ENUMS.pattern_maturity));
  });

  it('words kinds, maturities and phases, with a fallback for anything unknown', () => {
    expect(outputKindLabel('data_set')).toBe('Data set');
    expect(outputKindLabel('mystery')).toBe('Other');
    expect(eventKindTag('show_and_tell')).toEqual({
      text: 'Show-and-tell',
      className: 'govuk-tag--turquoise'
    });
    expect(eventKindTag('mystery').text).toBe('Event');
    expect(maturityTag('beta').hint).toMatch(/still being tested/);
    expect(maturityTag('mystery')).toEqual({
      text: 'Unknown',
      className: 'govuk-tag--grey',
      hint: null
    });
    expect(phaseLabel('alpha')).toBe('Alpha');
    expect(phaseLabel(null)).toBeNull();
  });

  it('tells a known value from junk', () => {
    expect(isOneOf(ENUMS.event_kind, 'camp')).toBe(true);
    expect(isOneOf(ENUMS.event_kind, 'party')).toBe(false);
  });
});
