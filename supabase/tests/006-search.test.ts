// Full-text search across public things (search(q, kinds, lim, off)): ranked, websearch
// syntax, and never anything a visitor may not read.
import { describe, expect, it } from 'vitest';
import type { Sql } from '../../stack/db/sql.ts';
import { ids } from './fixtures.ts';
import { SEARCH_MAX_CHARACTERS, SEARCH_MAX_WORDS } from '../../src/lib/validation/search.ts';
import { becomeActor, inRollback, targets, tryQuery, type Actor } from './harness.ts';
import { useDatabase } from './matrix.ts';

interface Hit {
  kind: string;
  title: string;
  url: string;
  rank: number;
  total: number;
}

describe.each(targets())('search on %s', (target) => {
  const db = useDatabase(target);

  /** Adds rows as the superuser, then searches as the actor; all rolled back. */
  const searchWith = (
    setup: string,
    actor: Actor,
    q: string,
    kinds: string[] | null = null,
    lim = 20,
    off = 0
  ) =>
    inRollback(db().sql, async (tx: Sql) => {
      if (setup) await tx.exec(setup);
      await becomeActor(tx, actor, db().fixtures);
      const { rows } = await tx.query<Hit>(
        'select kind, title, url, rank, total::int as total from search($1, $2, $3, $4)',
        [q, kinds, lim, off]
      );
      return rows;
    });

  const output = (slug: string, title: string, body: string, status = 'published') =>
    `insert into outputs (slug, title, summary, body, status, created_by) values ('${slug}', '${title}', null, '${body}', '${status}', '${ids.member}');`;

  it('a title match outranks a body match', async () => {
    const hits = await searchWith(
      output(
        'in-body',
        'Procurement notes',
        'Our notes on the wheelie bin collection rota and its content'
      ) + output('in-title', 'Wheelie bin collection pages', 'How we rewrote the pages'),
      'anon',
      'wheelie bin'
    );
    expect(hits.map((h) => h.title)).toEqual(['Wheelie bin collection pages', 'Procurement notes']);
    expect(hits[0]!.rank).toBeGreaterThan(hits[1]!.rank);
    expect(hits[0]!.url).toBe('/outputs/in-title');
  });

  it('finds public things of every kind, and says what kind and where', async () => {
    const setup = `
      ${output('kinds-output', 'Quokka guide', 'text')}
      insert into patterns (slug, title, problem, status, created_by) values ('kinds-pattern', 'Quokka pattern', 'p', 'published', '${ids.member}');
      insert into workstreams (slug, title, status) values ('kinds-workstream', 'Quokka workstream', 'active');
      insert into events (slug, kind, title, starts_at, ends_at, status) values ('kinds-event', 'meetup', 'Quokka meetup', now() + interval '3 days', now() + interval '3 days 1 hour', 'published');
      insert into commitments (owner_id, title, visibility) values ('${ids.member}', 'Quokka commitment', 'public');
      update profiles set bio = 'I study the quokka' where id = '${ids.lead}';`;
    const hits = await searchWith(setup, 'anon', 'quokka');
    expect(hits.map((h) => h.kind).sort()).toEqual([
      'commitment',
      'event',
      'member',
      'output',
      'pattern',
      'workstream'
    ]);
    expect(hits.find((h) => h.kind === 'member')!.url).toBe('/members/lee-lead');
    expect(hits.find((h) => h.kind === 'workstream')!.url).toBe('/workstreams/kinds-workstream');
  });

  it('never finds drafts, archived commitments, private profiles, proposed workstreams or draft events; members-only commitments only for members', async () => {
    const setup = `
      ${output('hidden-draft', 'Zanzibar draft', 'text', 'draft')}
      ${output('shown-output', 'Zanzibar published', 'text')}
      insert into patterns (slug, title, status, created_by) values ('hidden-pattern', 'Zanzibar pattern', 'draft', '${ids.member}');
      insert into workstreams (slug, title, status) values ('hidden-ws', 'Zanzibar proposal', 'proposed');
      insert into events (slug, kind, title, starts_at, ends_at, status) values ('hidden-event', 'meetup', 'Zanzibar draft meetup', now() + interval '3 days', now() + interval '3 days 1 hour', 'draft');
      insert into commitments (owner_id, title, visibility) values ('${ids.member}', 'Zanzibar members-only', 'members');
      insert into commitments (owner_id, title, visibility, archived_at) values ('${ids.member}', 'Zanzibar archived', 'public', now());
      update profiles set bio = 'Zanzibar fan' where id = '${ids.anotherMember}';`;
    // RLS decides about commitments (20261201001500): members read members-only ones.
    const expected = {
      anon: ['Zanzibar published'],
      member: ['Zanzibar members-only', 'Zanzibar published'],
      steering: ['Zanzibar members-only', 'Zanzibar published']
    };
    for (const actor of ['anon', 'member', 'steering'] as const) {
      const hits = await searchWith(setup, actor, 'zanzibar');
      expect(hits.map((h) => h.title).sort(), actor).toEqual(expected[actor]);
    }
  });

  it('"a quoted phrase" matches the words together, in order', async () => {
    const setup =
      output('phrase-yes', 'Digital inclusion toolkit', 'text') +
      output('phrase-no', 'Inclusion of digital teams', 'text');
    const unquoted = await searchWith(setup, 'anon', 'digital inclusion');
    expect(unquoted.map((h) => h.title).sort()).toEqual([
      'Digital inclusion toolkit',
      'Inclusion of digital teams'
    ]);
    const quoted = await searchWith(setup, 'anon', '"digital inclusion"');
    expect(quoted.map((h) => h.title)).toEqual(['Digital inclusion toolkit']);
  });

  it('-word excludes things that mention it; "or" finds either', async () => {
    const setup =
      output('ex-a', 'Parking permits toolkit', 'text') +
      output('ex-b', 'Parking fines guide', 'text');
    expect((await searchWith(setup, 'anon', 'parking -fines')).map((h) => h.title)).toEqual([
      'Parking permits toolkit'
    ]);
    expect(
      (await searchWith(setup, 'anon', 'permits or fines')).map((h) => h.title).sort()
    ).toEqual(['Parking fines guide', 'Parking permits toolkit']);
  });

  it('words are stemmed: "collections" finds "collection"', async () => {
    const hits = await searchWith(
      output('stem', 'Garden waste collection', 'text'),
      'anon',
      'collections'
    );
    expect(hits.map((h) => h.title)).toEqual(['Garden waste collection']);
  });

  it('kinds narrows the results; lim and off page them; total counts all matches', async () => {
    const setup =
      output('page-1', 'Wombat one', 'text') +
      output('page-2', 'Wombat two', 'text') +
      output('page-3', 'Wombat three', 'text') +
      `insert into workstreams (slug, title, status) values ('page-ws', 'Wombat workstream', 'active');`;
    const outputsOnly = await searchWith(setup, 'anon', 'wombat', ['output']);
    expect(outputsOnly.map((h) => h.kind)).toEqual(['output', 'output', 'output']);
    const page = await searchWith(setup, 'anon', 'wombat', null, 2, 2);
    expect(page).toHaveLength(2);
    expect(page.every((h) => h.total === 4)).toBe(true);
  });

  it('an empty or nonsense query finds nothing rather than failing', async () => {
    expect(await searchWith('', 'anon', '')).toEqual([]);
    expect(await searchWith('', 'anon', '"unclosed -')).toEqual([]);
    expect(await searchWith('', 'anon', 'xyzzyplugh')).toEqual([]);
  });

  it('members can be found by name when their profile is public', async () => {
    const hits = await searchWith('', 'anon', 'Mona', ['member']);
    expect(hits.map((h) => [h.kind, h.title])).toEqual([['member', 'Mona Member']]);
    expect(await searchWith('', 'anon', 'Alex', ['member'])).toEqual([]); // not public
  });

  /** The SQLSTATE search() answers `q` with as a visitor, or 'ok'. */
  const refusal = (q: string) =>
    inRollback(db().sql, async (tx: Sql) => {
      await becomeActor(tx, 'anon', db().fixtures);
      const r = await tryQuery(tx, 'select count(*) from search($1)', [q]);
      return r.error ? r.error.code : 'ok';
    });

  it('refuses a flood of words (the 20 KB query that froze the stack) with a clear error', async () => {
    expect(await refusal('wheelie bin '.repeat(1_000))).toBe('22023');
  });

  it('caps the number of words at what the search box allows', async () => {
    const words = (n: number) => Array.from({ length: n }, (_, i) => `w${i}`).join(' ');
    expect(await refusal(words(SEARCH_MAX_WORDS))).toBe('ok');
    expect(await refusal(words(SEARCH_MAX_WORDS + 1))).toBe('22023');
  });

  it('caps the length at what the search box allows', async () => {
    expect(await refusal('x'.repeat(SEARCH_MAX_CHARACTERS))).toBe('ok');
    expect(await refusal('x'.repeat(SEARCH_MAX_CHARACTERS + 1))).toBe('22023');
  });
});
