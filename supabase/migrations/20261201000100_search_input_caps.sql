-- Search input is capped before Postgres parses it: a 20 KB, 10,000-word `q` made
-- websearch_to_tsquery and the ranking run for over a minute (issue 7). Over the cap is an
-- error (22023, HTTP 400 through PostgREST), not a silent truncation: a person whose long
-- search quietly lost its end would get results for something they did not ask. The search
-- page validates the same caps first (src/lib/validation/search.ts; 006-search.test.ts
-- checks the two agree), so people see the message next to the search box.
create or replace function private.search_text(q text)
returns text
language plpgsql
immutable
set search_path = ''
as $$
begin
  -- Length first: counting words in a huge string is itself the slow part.
  if char_length(q) > 200
     or coalesce(array_length(regexp_split_to_array(btrim(q), '\s+'), 1), 0) > 12 then
    raise exception using
      errcode = '22023',
      message = 'Search for 200 characters or fewer and no more than 12 words.',
      hint = 'Use fewer, more specific words.';
  end if;
  return coalesce(q, '');
end;
$$;

-- search() as in 20261127000500, now reading q through private.search_text.
-- Search everything public: published outputs, patterns and events, active and closed
-- workstreams, public commitments and public profiles. Security invoker: RLS applies on
-- top. kinds filters by 'output', 'pattern', 'workstream', 'event', 'commitment',
-- 'member'. url is the page's path. total is the number of matches before paging.
create or replace function public.search(
  q text,
  kinds text[] default null,
  lim integer default 20,
  off integer default 0
)
returns table (
  kind text,
  id uuid,
  slug text,
  title text,
  summary text,
  rank real,
  url text,
  total bigint
)
language sql
stable
security invoker
set search_path = ''
as $$
  with query as (
    select websearch_to_tsquery('english', private.search_text(q)) as tsq,
           websearch_to_tsquery('simple', private.search_text(q)) as tsq_simple
  ),
  hits as (
    select 'output'::text as kind, o.id, o.slug, o.title, o.summary,
           ts_rank(o.search_vector, query.tsq) as rank, '/outputs/' || o.slug as url
    from public.outputs o, query
    where (kinds is null or 'output' = any (kinds))
      and o.status = 'published' and o.search_vector @@ query.tsq
    union all
    select 'pattern', p.id, p.slug, p.title, coalesce(p.summary, left(p.problem, 300)),
           ts_rank(p.search_vector, query.tsq), '/patterns/' || p.slug
    from public.patterns p, query
    where (kinds is null or 'pattern' = any (kinds))
      and p.status = 'published' and p.search_vector @@ query.tsq
    union all
    select 'workstream', w.id, w.slug, w.title, w.purpose,
           ts_rank(w.search_vector, query.tsq), '/workstreams/' || w.slug
    from public.workstreams w, query
    where (kinds is null or 'workstream' = any (kinds))
      and w.status in ('active', 'closed') and w.search_vector @@ query.tsq
    union all
    select 'event', e.id, e.slug, e.title, e.summary,
           ts_rank(e.search_vector, query.tsq), '/events/' || e.slug
    from public.events e, query
    where (kinds is null or 'event' = any (kinds))
      and e.status = 'published' and e.search_vector @@ query.tsq
    union all
    select 'commitment', c.id, null, c.title, c.so_that,
           ts_rank(c.search_vector, query.tsq), '/commitments/' || c.id
    from public.commitments c, query
    where (kinds is null or 'commitment' = any (kinds))
      and c.visibility = 'public' and c.archived_at is null and c.search_vector @@ query.tsq
    union all
    select 'member', m.id, m.handle, m.display_name, m.job_title,
           ts_rank(m.search_vector, query.tsq || query.tsq_simple), '/members/' || m.handle
    from public.profiles m, query
    where (kinds is null or 'member' = any (kinds))
      and m.is_public and m.search_vector @@ (query.tsq || query.tsq_simple)
  )
  select h.kind, h.id, h.slug, h.title, h.summary, h.rank, h.url, count(*) over () as total
  from hits h
  order by h.rank desc, h.title
  limit least(greatest(coalesce(lim, 20), 1), 100)
  offset greatest(coalesce(off, 0), 0)
$$;

revoke all on function private.search_text(text) from public, anon, authenticated, service_role;
grant execute on function private.search_text(text) to anon, authenticated, service_role;
