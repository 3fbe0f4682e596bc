// Found (20261201001500): the search page's one call (counts per kind, a page of one kind,
// the typo fallback), member pages and organisation pages, each deciding what a reader
// sees through RLS.
import { describe, expect, it } from 'vitest';
import type { Sql } from '../../stack/db/sql.ts';
import { ids } from './fixtures.ts';
import { becomeActor, inRollback, targets, type Actor } from './harness.ts';
import { rowsAs, useDatabase } from './matrix.ts';

interface Hit {
  kind: string;
  title: string;
  url: string;
  rank: number;
  fuzzy: boolean;
}

interface SearchPage {
  total: number;
  fuzzy: boolean;
  counts: Record<string, number>;
  hits: Hit[];
}

describe.each(targets())('search, members and organisations on %s', (target) => {
  const db = useDatabase(target);

  /** Adds rows as the superuser, then reads the search page as the actor; rolled back. */
  const searchPage = (
    setup: string,
    actor: Actor,
    q: string,
    kind: string | null = null,
    limit = 20,
    offset = 0
  ): Promise<SearchPage> =>
    inRollback(db().sql, async (tx: Sql) => {
      if (setup) await tx.exec(setup);
      await becomeActor(tx, actor, db().fixtures);
      const args = [q, kind, limit, offset];
      const head = await tx.query<{ total: number; fuzzy: boolean }>(
        'select total, fuzzy from search_page($1, $2, $3, $4)',
        args
      );
      const counts = await tx.query<{ kind: string; hits: number }>(
        'select (c).kind, (c).hits from search_page($1, $2, $3, $4) s, unnest(s.counts) c',
        args
      );
      const hits = await tx.query<Hit>(
        `select (h).kind, (h).title, (h).url, (h).rank, (h).fuzzy
           from search_page($1, $2, $3, $4) s, unnest(s.hits) with ordinality as h(kind, id, slug, title, summary, rank, url, fuzzy, n)
          order by n`,
        args
      );
      return {
        total: head.rows[0]!.total,
        fuzzy: head.rows[0]!.fuzzy,
        counts: Object.fromEntries(counts.rows.map((c) => [c.kind, c.hits])),
        hits: hits.rows
      };
    });

  const output = (slug: string, title: string, body = 'text') =>
    `insert into outputs (slug, title, summary, body, status, created_by) values ('${slug}', '${title}', null, '${body}', 'published', '${ids.member}');`;

  it('counts every kind and pages through one kind, best match first', async () => {
    const setup =
      output('kiwi-1', 'Kiwi accessibility guide') +
      output('kiwi-2', 'Notes', 'mentions kiwi once') +
      output('kiwi-3', 'Kiwi kiwi checklist') +
      `insert into workstreams (slug, title, status) values ('kiwi-ws', 'Kiwi workstream', 'active');
       insert into organisations (slug, name) values ('kiwi-council', 'Kiwi District Council');`;
    const all = await searchPage(setup, 'anon', 'kiwi');
    expect(all.total).toBe(5);
    expect(all.counts).toEqual({ output: 3, workstream: 1, organisation: 1 });
    expect(all.fuzzy).toBe(false);

    const outputs = await searchPage(setup, 'anon', 'kiwi', 'output', 2, 0);
    expect(outputs.hits.map((h) => h.kind)).toEqual(['output', 'output']);
    // The counts stay those of every kind, so the kind filter can show them all.
    expect(outputs.counts).toEqual(all.counts);
    expect(outputs.hits[0]!.rank).toBeGreaterThanOrEqual(outputs.hits[1]!.rank);
    const second = await searchPage(setup, 'anon', 'kiwi', 'output', 2, 2);
    expect(second.hits.map((h) => h.title)).toEqual(['Notes']);
    expect(all.hits.find((h) => h.kind === 'organisation')!.url).toBe(
      '/organisations/kiwi-council'
    );
  });

  it('a title match outranks a mention in the body', async () => {
    const page = await searchPage(
      output('rank-body', 'Procurement notes', 'Our notes on the quince rota') +
        output('rank-title', 'Quince collection pages'),
      'anon',
      'quince'
    );
    expect(page.hits.map((h) => h.title)).toEqual(['Quince collection pages', 'Procurement notes']);
  });

  it('tolerates a typo: when the words find nothing, similar titles are shown and marked', async () => {
    const setup = output('typo-a11y', 'Accessibility statement template');
    const page = await searchPage(setup, 'anon', 'acessibility');
    expect(page.fuzzy).toBe(true);
    expect(page.hits.map((h) => [h.title, h.fuzzy])).toContainEqual([
      'Accessibility statement template',
      true
    ]);
    expect(page.counts.output).toBeGreaterThanOrEqual(1);
    // A correct spelling finds it by its words, and says nothing about typos.
    const exact = await searchPage(setup, 'anon', 'accessibility');
    expect(exact.fuzzy).toBe(false);
    expect(exact.hits.map((h) => h.title)).toContain('Accessibility statement template');
  });

  it('does not guess from one or two letters, nor from nonsense', async () => {
    expect((await searchPage('', 'anon', 'zq')).total).toBe(0);
    const nonsense = await searchPage('', 'anon', 'xyzzyplugh');
    expect(nonsense).toEqual({ total: 0, fuzzy: false, counts: {}, hits: [] });
  });

  it('the typo fallback keeps to what the reader may see: a members-only commitment never reaches a visitor', async () => {
    const setup = `
      insert into commitments (owner_id, title, visibility) values
        ('${ids.member}', 'Wayfinding signage members-only', 'members'),
        ('${ids.member}', 'Wayfinding signage public', 'public');`;
    for (const q of ['wayfinding', 'wayfindng']) {
      const anon = await searchPage(setup, 'anon', q, 'commitment');
      expect(
        anon.hits.map((h) => h.title),
        `anon ${q}`
      ).toEqual(['Wayfinding signage public']);
      expect(anon.counts, `anon ${q}`).toEqual({ commitment: 1 });
      const member = await searchPage(setup, 'anotherMember', q, 'commitment');
      expect(member.hits.map((h) => h.title).sort(), `member ${q}`).toEqual([
        'Wayfinding signage members-only',
        'Wayfinding signage public'
      ]);
    }
  });

  it('finds organisations and public members by name, with a typo too', async () => {
    const org = await searchPage('', 'anon', 'Fixture Borough', 'organisation');
    expect(org.hits.map((h) => h.url)).toEqual(['/organisations/fixture-council']);
    const typo = await searchPage('', 'anon', 'Fixture Borugh Council', 'organisation');
    expect(typo.hits.map((h) => h.url)).toContain('/organisations/fixture-council');
    // Alex's profile is not public: not even a member finds it.
    expect((await searchPage('', 'member', 'Alex', 'member')).hits).toEqual([]);
    expect((await searchPage('', 'anon', 'Mona', 'member')).hits.map((h) => h.url)).toEqual([
      '/members/mona-member'
    ]);
  });

  it('refuses over-long input as search() does', async () => {
    const error = await db()
      .as('anon', (tx) => tx.query('select * from search_page($1)', ['bin '.repeat(50)]))
      .then(
        () => null,
        (e: { code?: string }) => e.code
      );
    expect(error).toBe('22023');
  });

  // ---------------------------------------------------------------------------------------
  // Member pages.
  const memberTitles = async (actor: Actor, handle: string, list: string, field = 'title') =>
    (
      await rowsAs<{ v: string }>(
        db(),
        actor,
        `select (x).${field} as v from member_page($1) m, unnest(m.${list}) x`,
        [handle]
      )
    )
      .map((r) => r.v)
      .sort();

  it('a public profile shows what the member committed to, made, presented and joined', async () => {
    const [profile] = await rowsAs<{
      display_name: string;
      organisation_slug: string;
      commitment_total: number;
      output_total: number;
      session_total: number;
    }>(
      db(),
      'anon',
      'select display_name, organisation_slug, commitment_total, output_total, session_total from member_page($1)',
      ['mona-member']
    );
    expect(profile).toEqual({
      display_name: 'Mona Member',
      organisation_slug: 'fixture-council',
      commitment_total: 2,
      output_total: 1,
      session_total: 2
    });
    // A visitor: public commitments only; published outputs only; published events' sessions.
    expect(await memberTitles('anon', 'mona-member', 'commitments')).toEqual([
      'Mona’s finished commitment',
      'Mona’s public commitment'
    ]);
    expect(await memberTitles('anon', 'mona-member', 'outputs')).toEqual([
      'Fixture: Mona’s published guide'
    ]);
    expect(await memberTitles('anon', 'mona-member', 'sessions', 'session_title')).toEqual([
      'Fixture: content design clinic',
      'Fixture: first slot'
    ]);
    expect(await memberTitles('anon', 'mona-member', 'workstreams')).toEqual([
      'Fixture: Lee’s active workstream'
    ]);
    // A member reads her members-only commitment and paused workstream too (RLS decides).
    expect(await memberTitles('anotherMember', 'mona-member', 'commitments')).toEqual([
      'Mona’s finished commitment',
      'Mona’s members-only commitment',
      'Mona’s public commitment'
    ]);
    expect(await memberTitles('anotherMember', 'mona-member', 'workstreams')).toEqual([
      'Fixture: Lee’s active workstream',
      'Fixture: a paused workstream'
    ]);
  });

  it('a profile that is not public has no page, except for its owner', async () => {
    const sql = 'select handle from member_page($1)';
    for (const actor of ['anon', 'member', 'steering'] as const) {
      expect(await rowsAs(db(), actor, sql, ['alex-another']), actor).toEqual([]);
    }
    expect(await rowsAs(db(), 'anotherMember', sql, ['alex-another'])).toEqual([
      { handle: 'alex-another' }
    ]);
    expect(await rowsAs(db(), 'anon', sql, ['nobody-by-this-name'])).toEqual([]);
  });

  // ---------------------------------------------------------------------------------------
  // Organisations.
  it('the organisation list counts public people, commitments, outputs and uses for each', async () => {
    const list = async (actor: Actor) =>
      rowsAs<{ slug: string; people: number; commitments: number; outputs: number; uses: number }>(
        db(),
        actor,
        `select (o).slug, (o).people, (o).commitments, (o).outputs, (o).uses
           from organisation_list(25, 0) l, unnest(l.organisations) o order by 1`
      );
    // Council: Mona and Lee (public). Supplier: Alex (not public).
    expect(await list('anon')).toEqual([
      { slug: 'fixture-council', people: 2, commitments: 3, outputs: 1, uses: 1 },
      { slug: 'fixture-supplier', people: 0, commitments: 0, outputs: 0, uses: 2 }
    ]);
    // Members read Mona's members-only commitment and see Alex's organisation: his
    // commitments (not archived) count for the supplier.
    expect(await list('member')).toEqual([
      { slug: 'fixture-council', people: 2, commitments: 4, outputs: 1, uses: 1 },
      { slug: 'fixture-supplier', people: 0, commitments: 3, outputs: 1, uses: 2 }
    ]);
    expect(await rowsAs(db(), 'anon', 'select total from organisation_list(1, 0)')).toEqual([
      { total: 2 }
    ]);
  });

  it('an organisation page lists its public people, commitments, outputs and reuses', async () => {
    const field = async (actor: Actor, list: string, f: string) =>
      (
        await rowsAs<{ v: string }>(
          db(),
          actor,
          `select (x).${f} as v from organisation_page('fixture-council') g, unnest(g.${list}) x`
        )
      )
        .map((r) => r.v)
        .sort();
    expect(await field('anon', 'people', 'handle')).toEqual(['lee-lead', 'mona-member']);
    expect(await field('anon', 'commitments', 'title')).toEqual([
      'Lee’s public commitment',
      'Mona’s finished commitment',
      'Mona’s public commitment'
    ]);
    expect(await field('member', 'commitments', 'title')).toContain(
      'Mona’s members-only commitment'
    );
    expect(await field('anon', 'outputs', 'slug')).toEqual(['fixture-member-published']);
    // Reuses of published outputs only (the archived and draft ones stay hidden); the
    // fixture reuse of the other published output names no organisation.
    expect(await field('anon', 'uses', 'slug')).toEqual(['fixture-member-published']);
    expect(
      await rowsAs(db(), 'anon', 'select slug from organisation_page($1)', ['no-such-org'])
    ).toEqual([]);
  });
});
