// The open data files (/data/*.csv and *.json), streamed: rows are read through the data
// API a chunk at a time (keyset on id, so each chunk is an index range scan however far
// in) and each chunk is written out before the next is asked for. The response's reader
// pulls, so a slow download never makes the server hold more than a chunk or two.
import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import { neutraliseFormula } from '#lib/csv.ts';
import { isOneOf } from '#lib/labels.ts';
import {
  DATA_SET_NAMES,
  DATA_SETS,
  type DataFormat,
  type DataRow,
  type DataSetName,
  type DataValue
} from '#lib/open-data.ts';
import { unwrap } from './errors.ts';
import type { Client } from './supabase.ts';

/** Rows per data API request: well under PostgREST's 1,000-row cap. */
export const CHUNK_ROWS = 500;

/** Below every uuid, so the first chunk's keyset condition lets every row through. */
const BEFORE_FIRST_ID = '00000000-0000-0000-0000-000000000000';

type Reader<N extends DataSetName> = (
  client: Client,
  afterId: string,
  origin: string
) => Promise<(DataRow<N> & { id: string })[]>;

// One typed query per data set: the selected columns must give exactly the dictionary's
// columns (the DataRow type checks it). No filters: read with the anon key, RLS decides
// which rows are public (as it does for public.open_data_counts, so the counts agree).
const readers: { [N in DataSetName]: Reader<N> } = {
  workstreams: async (client, afterId, origin) =>
    unwrap(
      await client
        .from('workstreams')
        .select('id, slug, title, purpose, description, status, created_at, updated_at')
        .gt('id', afterId)
        .order('id')
        .limit(CHUNK_ROWS)
    ).map((w) => ({ ...w, url: `${origin}/workstreams/${w.slug}` })),
  commitments: async (client, afterId, origin) =>
    unwrap(
      await client
        .from('commitments')
        .select(
          'id, title, so_that, description, status, workstream_id, due_on, next_check_in_on, completed_at, closing_note, created_at, updated_at'
        )
        .gt('id', afterId)
        .order('id')
        .limit(CHUNK_ROWS)
    ).map((c) => ({ ...c, url: `${origin}/commitments/${c.id}` })),
  outputs: async (client, afterId, origin) =>
    unwrap(
      await client
        .from('outputs')
        .select(
          'id, slug, title, summary, kind, external_url, licence, workstream_id, commitment_id, published_at, updated_at'
        )
        .gt('id', afterId)
        .order('id')
        .limit(CHUNK_ROWS)
    ).map((o) => ({ ...o, url: `${origin}/outputs/${o.slug}` })),
  patterns: async (client, afterId, origin) =>
    unwrap(
      await client
        .from('patterns')
        .select(
          'id, slug, title, summary, maturity, problem, when_to_use, when_not_to_use, how_it_works, research_evidence, last_reviewed_on, workstream_id, published_at, updated_at'
        )
        .gt('id', afterId)
        .order('id')
        .limit(CHUNK_ROWS)
    ).map((p) => ({ ...p, url: `${origin}/patterns/${p.slug}` })),
  events: async (client, afterId, origin) =>
    unwrap(
      await client
        .from('events')
        .select(
          'id, slug, title, summary, kind, starts_at, ends_at, venue, is_online, capacity, registration_opens_at, registration_closes_at, parent_event_id, workstream_id, published_at, updated_at'
        )
        .gt('id', afterId)
        .order('id')
        .limit(CHUNK_ROWS)
    ).map((e) => ({ ...e, url: `${origin}/events/${e.slug}` })),
  organisations: async (client, afterId, origin) =>
    unwrap(
      await client
        .from('organisations')
        .select('id, slug, name, kind, website, created_at, updated_at')
        .gt('id', afterId)
        .order('id')
        .limit(CHUNK_ROWS)
    ).map((o) => ({ ...o, url: `${origin}/organisations/${o.slug}` }))
};

function readChunk<N extends DataSetName>(
  client: Client,
  name: N,
  afterId: string,
  origin: string
): Promise<(Record<string, DataValue> & { id: string })[]> {
  return readers[name](client, afterId, origin);
}

/** How many rows each file has, as a visitor may read them: one call. */
export async function counts(client: Client): Promise<Map<DataSetName, number>> {
  const rows = unwrap(await client.rpc('open_data_counts'));
  return new Map(
    rows.flatMap((r) => (isOneOf(DATA_SET_NAMES, r.data_set) ? [[r.data_set, r.row_count]] : []))
  );
}

/** The dictionary's column names of a data set, in order. */
export function columnNames(name: DataSetName): string[] {
  return DATA_SETS[name].columns.map((c) => c.name);
}

/** A row as the dictionary orders it, and nothing else. */
function ordered(names: readonly string[], row: Record<string, DataValue>) {
  return Object.fromEntries(names.map((n) => [n, row[n] ?? null]));
}

/**
 * Every row of a data set, chunk by chunk. The first chunk is read before this returns,
 * so a data API failure can still become an error page; later chunks are read only when
 * the stream asks for more.
 */
export async function openRows(
  client: Client,
  name: DataSetName,
  origin: string
): Promise<AsyncGenerator<Record<string, DataValue>[]>> {
  const read = (afterId: string) => readChunk(client, name, afterId, origin);
  const names = columnNames(name);
  const first = await read(BEFORE_FIRST_ID);
  async function* chunks() {
    let chunk = first;
    while (chunk.length > 0) {
      yield chunk.map((row) => ordered(names, row));
      if (chunk.length < CHUNK_ROWS) return;
      try {
        chunk = await read(chunk[chunk.length - 1]!.id);
      } catch (e) {
        // The response has begun: all that is left is to cut it short (a JSON file then
        // fails to parse) and say why here.
        console.error(`/data/${name}: the data API failed part way through the file:`, e);
        throw e;
      }
    }
  }
  return chunks();
}

/** A cell as CSV text: formulas neutralised, booleans as words. */
const csvCast = {
  string: neutraliseFormula,
  boolean: (value: boolean) => (value ? 'true' : 'false')
};

/** CSV with a header row (UTF-8 with a byte order mark, CRLF, as spreadsheets expect). */
function csvStream(name: DataSetName, chunks: AsyncGenerator<Record<string, DataValue>[]>) {
  const stringifier = stringify({
    header: true,
    columns: columnNames(name),
    bom: true,
    record_delimiter: 'windows',
    cast: csvCast
  });
  // One object per row into the stringifier; pipe() pauses the source when it is full.
  const rows = Readable.from(
    (async function* () {
      for await (const chunk of chunks) yield* chunk;
    })()
  );
  rows.on('error', (e) => stringifier.destroy(e));
  // A download given up on closes the stringifier: stop reading rows too.
  stringifier.on('close', () => rows.destroy());
  return rows.pipe(stringifier);
}

/** A JSON array of objects, one row a line, written as the rows arrive. */
function jsonStream(chunks: AsyncGenerator<Record<string, DataValue>[]>) {
  return Readable.from(
    (async function* () {
      let first = true;
      yield Buffer.from('[');
      for await (const chunk of chunks) {
        const lines = chunk.map((row) => JSON.stringify(row));
        yield Buffer.from((first ? '\n' : ',\n') + lines.join(',\n'));
        first = false;
      }
      yield Buffer.from(first ? ']\n' : '\n]\n');
    })()
  );
}

/** The bytes of a data file, as a web stream for a Response. */
export function fileStream(
  name: DataSetName,
  format: DataFormat,
  chunks: AsyncGenerator<Record<string, DataValue>[]>
): ReadableStream<Uint8Array> {
  const source = format === 'csv' ? csvStream(name, chunks) : jsonStream(chunks);
  return Readable.toWeb(source) as ReadableStream<Uint8Array>;
}

export const CONTENT_TYPES: Record<DataFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8'
};
