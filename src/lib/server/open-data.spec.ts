import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import type { DataValue } from '#lib/open-data.ts';
import { fileStream } from './open-data.ts';

type Row = Record<string, DataValue>;

function organisation(n: number, name: string): Row {
  return {
    id: `id-${n}`,
    slug: `org-${n}`,
    name,
    kind: 'council',
    website: null,
    created_at: '2026-01-01T00:00:00Z',
    updated_at: '2026-01-01T00:00:00Z',
    url: `https://hub.example.org/organisations/org-${n}`
  };
}

async function* chunksOf(...chunks: Row[][]) {
  for (const chunk of chunks) yield chunk;
}

async function text(stream: ReadableStream<Uint8Array>) {
  return new TextDecoder().decode(await new Response(stream).arrayBuffer());
}

describe('fileStream', () => {
  it('writes CSV with a header row, CRLF line ends and formulas neutralised', async () => {
    const csv = await text(
      fileStream(
        'organisations',
        'csv',
        chunksOf([organisation(1, '=cmd|calc')], [organisation(2, 'Leeds, City Council')])
      )
    );
    expect(csv.startsWith('id,slug,name,kind,website,created_at,updated_at,url\r\n')).toBe(true);
    const rows = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true });
    expect(rows.data.map((r) => r.name)).toEqual(["'=cmd|calc", 'Leeds, City Council']);
    expect(rows.data[0]!.website).toBe('');
  });

  it('writes booleans as words and numbers as they are in CSV', async () => {
    const csv = await text(
      fileStream('events', 'csv', chunksOf([{ id: 'e', is_online: true, capacity: -1 }]))
    );
    const [row] = Papa.parse<Record<string, string>>(csv, { header: true }).data;
    expect(row!.is_online).toBe('true');
    expect(row!.capacity).toBe('-1');
  });

  it('writes JSON as one array across chunks, and an empty array for no rows', async () => {
    const json = await text(
      fileStream('organisations', 'json', chunksOf([organisation(1, 'A')], [organisation(2, 'B')]))
    );
    expect((JSON.parse(json) as Row[]).map((r) => r.name)).toEqual(['A', 'B']);
    expect(JSON.parse(await text(fileStream('organisations', 'json', chunksOf())))).toEqual([]);
  });

  it('writes a header row alone when there are no rows in CSV', async () => {
    const csv = await text(fileStream('organisations', 'csv', chunksOf()));
    expect(csv.replace('\uFEFF', '')).toBe(
      'id,slug,name,kind,website,created_at,updated_at,url\r\n'
    );
  });
});
