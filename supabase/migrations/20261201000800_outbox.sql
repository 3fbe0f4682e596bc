-- The email outbox (issues 10 and 11): every email the hub sends, other than the sign-in
-- ones the auth service sends, is a row written in the same transaction as the change
-- that causes it. A worker claims rows (`for update skip locked`), renders each kind's
-- text from its payload, sends it by SMTP and records the outcome.
--
-- One row per recipient and reason: (recipient_id, idempotency_key) is unique, so a
-- trigger that fires twice, or a schedule run twice, queues one email. Keys read as
-- '<kind>:<what it is about>', e.g. 'waitlist_promotion:<registration id>'.
--
-- The payload carries what the text needs (titles, slugs, times) as it was when the row
-- was written, so sending never reads data the recipient might no longer be allowed to see.

create type public.email_kind as enum (
  'digest',
  'commitment_overdue',
  'commitment_dormant',
  'waitlist_promotion',
  'event_reminder',
  'event_cancelled',
  'offer_accepted',
  'outcome_output'
);

create type public.email_status as enum ('pending', 'sent', 'failed');

create table public.email_outbox (
  id bigint generated always as identity primary key,
  recipient_id uuid not null references public.profiles (id) on delete cascade,
  kind public.email_kind not null,
  idempotency_key text not null check (char_length(idempotency_key) between 1 and 200),
  payload jsonb not null default '{}'::jsonb,
  status public.email_status not null default 'pending',
  attempts integer not null default 0 check (attempts >= 0),
  next_attempt_at timestamptz not null default now(),
  last_error text check (char_length(last_error) <= 2000),
  sent_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  unique (recipient_id, idempotency_key)
);
create trigger touch_row before update on public.email_outbox
  for each row execute function private.touch_row('email');
-- The worker's claim: the oldest due pending rows.
create index email_outbox_due_idx on public.email_outbox (next_attempt_at)
  where status = 'pending';
create index email_outbox_failed_idx on public.email_outbox (updated_at desc)
  where status = 'failed';

-- Written only by triggers and database functions (through private.enqueue_email) and
-- read by the worker over its own connection; the steering group may read it to see
-- what failed. Nobody else reads another person's mail.
alter table public.email_outbox enable row level security;
create policy "The steering group can read the outbox" on public.email_outbox
  for select to authenticated using ((select private.is_steering()));
revoke all on public.email_outbox from anon;
revoke insert, update, delete, truncate, references, trigger on public.email_outbox
  from authenticated;

-- Queue one email. Security definer so a trigger running as the member who caused it can
-- write a row addressed to someone else; called only from other database functions.
create or replace function private.enqueue_email(
  p_recipient_id uuid,
  p_kind public.email_kind,
  p_idempotency_key text,
  p_payload jsonb default '{}'::jsonb
)
returns void
language plpgsql
security definer
set search_path = ''
as $$
begin
  insert into public.email_outbox (recipient_id, kind, idempotency_key, payload)
  values (p_recipient_id, p_kind, p_idempotency_key, coalesce(p_payload, '{}'::jsonb))
  on conflict (recipient_id, idempotency_key) do nothing;
end;
$$;
revoke all on function private.enqueue_email(uuid, public.email_kind, text, jsonb) from public;
grant execute on function private.enqueue_email(uuid, public.email_kind, text, jsonb)
  to authenticated, service_role;
