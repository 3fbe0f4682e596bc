// An event's programme as pages show it: places left, a camp's session grid, the pitching
// board. Pure functions over what the data API returned.

export interface Attendance {
  capacity: number | null;
  going: number;
  waitlisted: number;
  places_left: number | null;
}

/** "12 places left", "No places left: 3 on the waiting list", or null when there is no limit. */
export function placesText(a: Attendance | undefined): string | null {
  if (!a || a.capacity === null || a.places_left === null) return null;
  if (a.places_left > 0)
    return a.places_left === 1 ? '1 place left' : `${a.places_left} places left`;
  return a.waitlisted > 0
    ? `No places left: ${a.waitlisted} on the waiting list`
    : 'No places left';
}

/** What the grid needs of a session; the rest of it is carried through as it is. */
interface Timed {
  room: string | null;
  starts_at: string | null;
  ends_at: string | null;
}

export interface GridDay<S> {
  /** London calendar date, "yyyy-MM-dd". */
  date: string;
  rooms: string[];
  blocks: { starts_at: string; ends_at: string | null; cells: { sessions: S[] }[] }[];
}

/**
 * A camp's session grid: for each London day, rooms across and time blocks down. Sessions
 * with no room or start time cannot sit in the grid and are returned apart.
 */
export function sessionGrid<S extends Timed>(sessions: S[], dayOf: (instant: string) => string) {
  const placed = sessions.filter((s) => s.room && s.starts_at);
  const unplaced = sessions.filter((s) => !(s.room && s.starts_at));
  const days = new Map<string, S[]>();
  for (const s of placed) {
    const day = dayOf(s.starts_at!);
    days.set(day, [...(days.get(day) ?? []), s]);
  }
  const grid: GridDay<S>[] = [...days.keys()].sort().map((date) => {
    const daySessions = days.get(date)!;
    const rooms = [...new Set(daySessions.map((s) => s.room!))].sort((a, b) =>
      a.localeCompare(b, 'en', { numeric: true })
    );
    const starts = [...new Set(daySessions.map((s) => Date.parse(s.starts_at!)))].sort(
      (a, b) => a - b
    );
    const blocks = starts.map((start) => {
      const inBlock = daySessions.filter((s) => Date.parse(s.starts_at!) === start);
      const ends = inBlock.flatMap((s) => (s.ends_at ? [Date.parse(s.ends_at)] : []));
      return {
        starts_at: new Date(start).toISOString(),
        ends_at: ends.length ? new Date(Math.max(...ends)).toISOString() : null,
        cells: rooms.map((room) => ({ sessions: inBlock.filter((s) => s.room === room) }))
      };
    });
    return { date, rooms, blocks };
  });
  return { days: grid, unplaced };
}

/** Open pitches, most wanted first (then oldest first), with their interest counts. */
export function pitchBoard(
  pitches: {
    id: string;
    title: string;
    description: string | null;
    withdrawn_at: string | null;
    session_id: string | null;
    pitcher: { display_name: string } | null;
    pitch_interests: { count: number }[];
  }[]
) {
  return pitches
    .filter((p) => !p.withdrawn_at)
    .map((p) => ({
      id: p.id,
      title: p.title,
      description: p.description,
      pitcher: p.pitcher?.display_name ?? null,
      scheduled: p.session_id !== null,
      interest: p.pitch_interests[0]?.count ?? 0
    }))
    .sort((a, b) => b.interest - a.interest);
}
