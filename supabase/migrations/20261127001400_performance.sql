-- Fast list pages on a large network (100,000 commitments, 30,000 outputs).
--
-- The lists sort, then take one page of 25. Without an index in the sort order Postgres
-- builds every row first (each with its check-in lookups and the row-level checks they
-- carry), sorts 80,000 of them and keeps 25: /commitments took over a second. With an
-- index in the order the page asks for, Postgres reads the first rows in order and stops.

-- ---------------------------------------------------------------------------------------
-- Indexes in the orders the lists use (the id breaks ties, so pages never overlap).
-- /commitments: recently updated (the default), next check-in, due date.
create index if not exists commitments_updated_order_idx
  on public.commitments (updated_at desc nulls last, id);
create index if not exists commitments_check_in_order_idx
  on public.commitments (next_check_in_on, id);
create index if not exists commitments_due_order_idx
  on public.commitments (due_on, id);
-- /outputs and the home page: published outputs, newest first.
create index if not exists outputs_published_order_idx
  on public.outputs (published_at desc nulls last, created_at desc, id)
  where status = 'published';

-- ---------------------------------------------------------------------------------------
-- commitment_overview, same columns and meaning, cheaper to read:
-- - last check-in and check-in count are scalar subqueries instead of a lateral join, so
--   when a list sorts and takes one page they are worked out for that page only;
-- - "today" is a sub-select, worked out once per query: private.london_today() cannot be
--   inlined (it pins search_path), and called per row it made filtering by staleness
--   cost 200 ms.
create or replace view public.commitment_overview with (security_invoker = true) as
select
  c.id,
  c.title,
  c.so_that,
  c.description,
  c.status,
  c.visibility,
  c.due_on,
  c.next_check_in_on,
  c.completed_at,
  c.closing_note,
  c.archived_at,
  c.created_at,
  c.updated_at,
  c.version,
  c.owner_id,
  p.handle as owner_handle,
  p.display_name as owner_display_name,
  org.id as organisation_id,
  org.slug as organisation_slug,
  org.name as organisation_name,
  c.workstream_id,
  w.slug as workstream_slug,
  w.title as workstream_title,
  (select max(x.created_at) from public.check_ins x
    where x.commitment_id = c.id) as last_check_in_at,
  (select count(*)::integer from public.check_ins x
    where x.commitment_id = c.id) as check_in_count,
  case
    when c.status in ('done', 'dropped') then 'on_track'
    when c.next_check_in_on < (select private.london_today()) - 30 then 'dormant'
    when c.next_check_in_on < (select private.london_today()) then 'overdue'
    else 'on_track'
  end as staleness,
  case when c.status in ('done', 'dropped') or c.next_check_in_on >= (select private.london_today()) then 0
       else (select private.london_today()) - c.next_check_in_on end as days_overdue
from public.commitments c
left join public.profiles p on p.id = c.owner_id
left join public.organisations org on org.id = p.organisation_id
left join public.workstreams w on w.id = c.workstream_id;

-- workstream_summary: "today" once per query too (it counted overdue commitments per
-- workstream calling private.london_today() for each commitment).
create or replace view public.workstream_summary with (security_invoker = true) as
select
  w.id,
  w.slug,
  w.title,
  w.purpose,
  w.status,
  w.created_at,
  w.updated_at,
  (select count(*) from public.workstream_members m where m.workstream_id = w.id)::integer as member_count,
  (select count(*) from public.workstream_members m where m.workstream_id = w.id and m.role = 'lead')::integer as lead_count,
  (select count(*) from public.commitments c
    where c.workstream_id = w.id and c.archived_at is null
      and c.status in ('planned', 'in_progress', 'blocked'))::integer as open_commitments,
  (select count(*) from public.commitments c
    where c.workstream_id = w.id and c.archived_at is null
      and c.status in ('planned', 'in_progress', 'blocked')
      and c.next_check_in_on < (select private.london_today()))::integer as overdue_commitments,
  (select count(*) from public.commitments c
    where c.workstream_id = w.id and c.archived_at is null and c.status = 'done')::integer as done_commitments,
  (select count(*) from public.outputs o
    where o.workstream_id = w.id and o.status = 'published')::integer as published_outputs
from public.workstreams w;

-- ---------------------------------------------------------------------------------------
-- Commitments tagged with an outcome, for /commitments?outcome=<slug>, to filter, sort,
-- page and count like the view. Filtering the view by an embedded tag (!inner) checked
-- every commitment in turn: a second for an outcome with few or no commitments. Here it is
-- a semi-join Postgres can start from the outcome. Plain SQL with the caller's rights and
-- no settings, so Postgres inlines it and Row Level Security applies as on the view.
create or replace function public.commitments_with_outcome(p_outcome text)
returns setof public.commitment_overview
language sql
stable
security invoker
as $$
  select v.*
  from public.commitment_overview v
  where exists (
    select 1
    from public.commitment_outcomes co
    join public.outcomes o on o.id = co.outcome_id
    where co.commitment_id = v.id and o.slug = p_outcome
  )
$$;

revoke all on function public.commitments_with_outcome(text) from public;
grant execute on function public.commitments_with_outcome(text) to anon, authenticated, service_role;
