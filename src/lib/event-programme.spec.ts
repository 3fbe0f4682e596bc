import { describe, expect, it } from 'vitest';
import { pitchBoard, placesText, sessionGrid } from './event-programme.ts';

const session = (
  id: string,
  room: string | null,
  starts_at: string | null,
  ends_at: string | null = null
) => ({
  id,
  title: `Session ${id}`,
  description: null,
  room,
  starts_at,
  ends_at,
  notes: null,
  session_presenters: [],
  session_outputs: []
});

// The day a UTC instant falls on (a stand-in for the London day; tests stay zone-free).
const utcDay = (at: string) => at.slice(0, 10);

describe('the camp session grid', () => {
  it('puts sessions in rooms across and time blocks down, one table per day', () => {
    const { days, unplaced } = sessionGrid(
      [
        session('a', 'Room 10', '2026-03-07T10:00:00Z', '2026-03-07T10:50:00Z'),
        session('b', 'Room 2', '2026-03-07T10:00:00Z', '2026-03-07T10:45:00Z'),
        session('c', 'Room 2', '2026-03-07T11:30:00Z'),
        session('d', 'Main hall', '2026-03-08T10:00:00Z')
      ],
      utcDay
    );
    expect(unplaced).toEqual([]);
    expect(days.map((d) => d.date)).toEqual(['2026-03-07', '2026-03-08']);
    const [first] = days;
    // Rooms in natural order: Room 2 before Room 10.
    expect(first!.rooms).toEqual(['Room 2', 'Room 10']);
    expect(first!.blocks.map((b) => b.starts_at)).toEqual([
      '2026-03-07T10:00:00.000Z',
      '2026-03-07T11:30:00.000Z'
    ]);
    // A block ends when its longest session ends.
    expect(first!.blocks[0]!.ends_at).toBe('2026-03-07T10:50:00.000Z');
    expect(first!.blocks[1]!.ends_at).toBeNull();
    expect(first!.blocks[0]!.cells.map((c) => c.sessions.map((s) => s.id))).toEqual([['b'], ['a']]);
    // An empty room in a block is an empty cell, not a missing one.
    expect(first!.blocks[1]!.cells.map((c) => c.sessions.map((s) => s.id))).toEqual([['c'], []]);
  });

  it('keeps sessions with no room or no start time out of the grid', () => {
    const { days, unplaced } = sessionGrid(
      [session('a', null, '2026-03-07T10:00:00Z'), session('b', 'Room 2', null)],
      utcDay
    );
    expect(days).toEqual([]);
    expect(unplaced.map((s) => s.id)).toEqual(['a', 'b']);
  });
});

describe('the pitching board', () => {
  const pitch = (id: string, interest: number, extra: Partial<{ withdrawn_at: string }> = {}) => ({
    id,
    title: id,
    description: null,
    withdrawn_at: extra.withdrawn_at ?? null,
    session_id: null,
    pitcher: null,
    pitch_interests: [{ count: interest }]
  });

  it('lists open pitches most wanted first, oldest first among equals', () => {
    const board = pitchBoard([pitch('old', 3), pitch('popular', 9), pitch('newer', 3)]);
    expect(board.map((p) => [p.id, p.interest])).toEqual([
      ['popular', 9],
      ['old', 3],
      ['newer', 3]
    ]);
  });

  it('leaves out withdrawn pitches', () => {
    const board = pitchBoard([pitch('kept', 1), pitch('gone', 5, { withdrawn_at: '2026-01-01' })]);
    expect(board.map((p) => p.id)).toEqual(['kept']);
  });
});

describe('places left', () => {
  it('counts the places left, or the waiting list when there are none', () => {
    const a = { capacity: 12, going: 9, waitlisted: 0, places_left: 3 };
    expect(placesText(a)).toBe('3 places left');
    expect(placesText({ ...a, going: 11, places_left: 1 })).toBe('1 place left');
    expect(placesText({ ...a, going: 12, places_left: 0, waitlisted: 2 })).toBe(
      'No places left: 2 on the waiting list'
    );
    expect(placesText({ ...a, going: 12, places_left: 0 })).toBe('No places left');
  });

  it('says nothing for events with no limit or no numbers', () => {
    expect(placesText({ capacity: null, going: 40, waitlisted: 0, places_left: null })).toBeNull();
    expect(placesText(undefined)).toBeNull();
  });
});
