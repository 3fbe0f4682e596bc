-- Commitments pages: attaching an output as evidence, and the filter options the
-- commitments and workstreams lists show (one round trip instead of three).

-- ---------------------------------------------------------------------------------------
-- Evidence: the owner of a commitment marks an output as what delivered it, by setting
-- outputs.commitment_id. The owner may pick an output they contributed to or any published
-- output; the outputs update policy only lets contributors edit a row, so this goes
-- through a security definer function that checks both sides itself.
create or replace function public.attach_output_to_commitment(p_commitment_id uuid, p_output_id uuid)
returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  me uuid := (select auth.uid());
  target public.outputs;
begin
  if me is null then
    raise exception using errcode = '42501', message = 'Sign in to attach evidence.';
  end if;
  if not ((select private.owns_commitment(p_commitment_id)) or (select private.is_steering())) then
    raise exception using errcode = '42501',
      message = 'Only the owner of a commitment can attach evidence to it.';
  end if;
  select o.* into target from public.outputs o where o.id = p_output_id;
  if not found or not (target.status = 'published' or (select private.can_edit_output(p_output_id))) then
    raise exception using errcode = '42501',
      message = 'You can attach outputs you contributed to or published outputs.';
  end if;
  if target.commitment_id is not null and target.commitment_id <> p_commitment_id then
    raise exception using errcode = '23505',
      message = 'That output is already evidence for another commitment.',
      hint = 'Choose a different output.';
  end if;
  -- Send the row's own version back so the optimistic-concurrency trigger lets it through.
  update public.outputs o
  set commitment_id = p_commitment_id, version = target.version
  where o.id = p_output_id;
end;
$$;

revoke all on function public.attach_output_to_commitment(uuid, uuid) from public, anon;
grant execute on function public.attach_output_to_commitment(uuid, uuid) to authenticated, service_role;

-- ---------------------------------------------------------------------------------------
-- Filter options for list pages: workstreams, organisations taking part and outcomes, as
-- one JSON document. Security invoker: the reader's RLS decides which workstreams show.
create or replace function public.list_filter_options()
returns jsonb
language sql
stable
security invoker
set search_path = ''
as $$
  select jsonb_build_object(
    'workstreams', coalesce((
      select jsonb_agg(jsonb_build_object('id', w.id, 'slug', w.slug, 'title', w.title, 'status', w.status) order by w.title)
      from public.workstreams w), '[]'::jsonb),
    'organisations', coalesce((
      select jsonb_agg(jsonb_build_object('slug', o.slug, 'name', o.name) order by o.name)
      from public.organisations o), '[]'::jsonb),
    'outcomes', coalesce((
      select jsonb_agg(jsonb_build_object('id', o.id, 'slug', o.slug, 'title', o.title)
                       order by o.is_principle desc, o.title)
      from public.outcomes o), '[]'::jsonb)
  )
$$;

revoke all on function public.list_filter_options() from public;
grant execute on function public.list_filter_options() to anon, authenticated, service_role;
