-- Open data (/data): how many rows each data file has, in one call, so the page can say
-- so without six counting requests. `security invoker` with no filters of its own: RLS
-- decides what is counted, exactly as it decides what the files hold (the app calls this,
-- like it reads the files, with the anon key, so the counts are a visitor's).

create function public.open_data_counts()
returns table (data_set text, row_count bigint)
language sql
stable
security invoker
set search_path = ''
as $$
  select 'workstreams', count(*) from public.workstreams
  union all select 'commitments', count(*) from public.commitments
  union all select 'outputs', count(*) from public.outputs
  union all select 'patterns', count(*) from public.patterns
  union all select 'events', count(*) from public.events
  union all select 'organisations', count(*) from public.organisations
$$;

revoke execute on function public.open_data_counts() from public;
grant execute on function public.open_data_counts() to anon, authenticated;
