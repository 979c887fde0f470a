-- Reminders and notices (DESIGN.md "Notifications", "Nothing lost"): in-app notifications and an
-- outbox of e-mails. Every notice has an event key (`due_soon:s12:2026-12-01:u5`) that is UNIQUE,
-- so a scheduler that runs twice, in two processes at once or again after a restart inserts each
-- notice once (`on conflict (event_key) do nothing`). An e-mail is sent from the outbox after
-- the transaction that made it has committed; a sender claims rows with `for update skip locked`
-- so two processes never send the same row.

-- Where e-mails go; set by an administrator (no address: the notice stays in the app only).
alter table users add column email text;

create table notifications (
  id bigint generated always as identity primary key,
  -- one row per recipient, so that each person has their own read state
  user_id integer not null references users (id),
  -- the unit the notice is about (a reporting unit for a reminder)
  org_unit_id integer references org_units (id),
  kind text not null check (kind in ('due_soon', 'due_today', 'overdue', 'returned', 'accepted')),
  round_id integer references report_rounds (id),
  submission_id integer references report_submissions (id),
  title text not null,
  body text not null,
  event_key text not null unique,
  created_at timestamptz not null default now(),
  read_at timestamptz
);
create index notifications_user on notifications (user_id, created_at desc);
create index notifications_user_unread on notifications (user_id) where read_at is null;

create table outbox (
  id bigint generated always as identity primary key,
  event_key text not null unique,
  user_id integer references users (id),
  org_unit_id integer references org_units (id),
  -- the address at the time of the event; null when the user had none
  recipient text,
  subject text not null,
  body text not null,
  -- pending → sending (claimed) → sent | failed; demo: no SMTP configured, kept to be read;
  -- no_address: nothing to send to
  status text not null default 'pending'
    check (status in ('pending', 'sending', 'sent', 'failed', 'demo', 'no_address')),
  attempts integer not null default 0,
  last_error text,
  -- who holds the claim (a random token per claim) and since when: a claim older than the lease
  -- (a process that died while sending) may be taken again
  claim_token text,
  claimed_at timestamptz,
  created_at timestamptz not null default now(),
  sent_at timestamptz
);
create index outbox_pending on outbox (id) where status in ('pending', 'sending');
create index outbox_unit on outbox (org_unit_id, created_at desc);
