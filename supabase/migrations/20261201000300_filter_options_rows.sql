-- Filter options (workstreams and outcomes for selects) as rows of a declared shape, so the
-- type generator types them; list_filter_options returned jsonb, typed as Json, and the app
-- cast it. Organisations are left out: no select lists all 500 of them.
-- Replaces list_filter_options (dropped: one live definition to read).
create function public.filter_options()
returns table (
  kind text,
  id uuid,
  slug text,
  title text,
  workstream_status public.workstream_status
)
language sql
stable
security invoker
set search_path = ''
as $$
  select kind, id, slug, title, workstream_status
  from (
    select 'workstream' as kind, w.id, w.slug, w.title, w.status as workstream_status,
           row_number() over (order by w.title) as position
    from public.workstreams w
    union all
    select 'outcome', o.id, o.slug, o.title, null,
           row_number() over (order by o.is_principle desc, o.title)
    from public.outcomes o
  ) options
  order by kind desc, position
$$;
comment on function public.filter_options() is
  'Workstreams (by title) then outcomes (principles first, then by title) for filter forms and selects, in one request. RLS on each table decides what the caller sees.';
revoke all on function public.filter_options() from public;
grant execute on function public.filter_options() to anon, authenticated, service_role;

drop function public.list_filter_options();
