-- Organisers manage the sessions of their event (issue 10): add an open slot, edit a
-- session's title, room and time (plain RLS-checked writes, see 20261127000400_events.sql),
-- and take a session off the grid with remove_session.
--
-- A session with notes or a "what next" is a record of what happened: it is never
-- destroyed by a direct delete (members archive, they don't delete). Deleting the event
-- itself still cascades: the guard only refuses a delete made directly.
create or replace function private.guard_session_delete()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  -- Depth 1 is a delete of the session itself; deeper is a cascade from its event.
  if pg_trigger_depth() = 1
     and (nullif(btrim(old.notes), '') is not null or nullif(btrim(old.what_next), '') is not null) then
    raise exception using
      errcode = 'PT409',
      message = 'This session has notes, so it cannot be removed.',
      hint = 'Keep it in the programme, or change its title and time instead.';
  end if;
  return old;
end;
$$;
create trigger guard_session_delete before delete on public.event_sessions
  for each row execute function private.guard_session_delete();

-- Takes a session off the grid: a camp session's pitch goes back to "not yet in the grid"
-- (the pitches.session_id foreign key sets it null), and an offer accepted into a
-- show-and-tell slot is open again, to be accepted into another. One transaction.
create or replace function public.remove_session(p_session_id uuid)
returns void
language plpgsql
volatile
security invoker
set search_path = ''
as $$
declare
  s public.event_sessions;
begin
  -- Read before locking: FOR UPDATE would hide the row from anyone who cannot edit it,
  -- and they should hear "only the organisers", not "it does not exist".
  select * into s from public.event_sessions where id = p_session_id;
  if not found then
    raise exception using errcode = 'P0002', message = 'That session does not exist.';
  end if;
  if not ((select private.is_event_organiser(s.event_id)) or (select private.is_steering())) then
    raise exception using errcode = '42501',
      message = 'Only the organisers can take a session off the grid.';
  end if;
  perform 1 from public.event_sessions where id = s.id for update;
  update public.show_offers
  set status = 'open', session_id = null, decided_at = null
  where session_id = s.id and status = 'accepted';
  delete from public.event_sessions where id = s.id;
end;
$$;

revoke all on function public.remove_session(uuid) from public, anon;
grant execute on function public.remove_session(uuid) to authenticated, service_role;
revoke all on function private.guard_session_delete()
  from public, anon, authenticated, service_role;
