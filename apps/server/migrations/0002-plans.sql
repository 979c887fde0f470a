-- Plans and tasks: the cited-document registry, plans in the Decree 30/2020/NĐ-CP structure,
-- their numbered content (any item can be a task), assignments to units, progress per task and
-- unit with its history, and evidence files.

create table legal_documents (
  id integer generated always as identity primary key,
  kind text not null,
  -- number and symbol as printed ('28/NQ-CP'); null for a document cited by name only
  number text,
  -- the number folded for matching: no spaces, lower case, '21/CT/TW' written '21-ct/tw'
  number_key text,
  issued_on date,
  issuer text,
  title text,
  search_text text not null default '',
  created_by integer references users (id),
  created_at timestamptz not null default now()
);
-- One row per document: the same number on the same day is the same document.
create unique index legal_documents_number on legal_documents (number_key, coalesce(issued_on, '0001-01-01'))
  where number_key is not null;

create table plans (
  id integer generated always as identity primary key,
  org_unit_id integer not null references org_units (id),
  kind text not null default 'KH',
  number text,
  symbol text,
  title text not null,
  year integer not null,
  place text,
  issued_on date,
  status text not null default 'draft' check (status in ('draft', 'issued', 'superseded')),
  origin text not null default 'written' check (origin in ('written', 'imported')),
  -- the plan this one is made "căn cứ" (cascade); its tasks are the parents of this plan's
  parent_plan_id integer references plans (id),
  -- versions: an issued plan is never edited; a new version supersedes it when issued
  supersedes_plan_id integer references plans (id),
  version integer not null default 1,
  purpose text not null default '',
  budget text not null default '',
  implementation text not null default '',
  reporting_regime text not null default '',
  recipients jsonb not null default '[]',
  signer jsonb not null default '{"authority":null,"deputy":null,"position":null,"name":null}',
  cascade_due_on date,
  -- bumped by every save; a save naming an older revision is refused, never applied over
  revision integer not null default 0,
  search_text text not null default '',
  created_by integer references users (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  issued_by integer references users (id),
  issued_at timestamptz
);
create index plans_unit on plans (org_unit_id);
create index plans_parent on plans (parent_plan_id);
create index plans_year on plans (year);
-- a unit makes one plan from a given parent plan; its later versions supersede that one
create unique index plans_one_child_per_unit on plans (parent_plan_id, org_unit_id)
  where parent_plan_id is not null and supersedes_plan_id is null;

create table plan_bases (
  plan_id integer not null references plans (id) on delete cascade,
  legal_document_id integer not null references legal_documents (id),
  position integer not null,
  primary key (plan_id, legal_document_id)
);

-- The numbered content of a plan: I., 1., 4.1., a), - at any depth. A task is an item with is_task.
create table plan_items (
  id integer generated always as identity primary key,
  plan_id integer not null references plans (id) on delete cascade,
  parent_id integer references plan_items (id) on delete cascade,
  position integer not null,
  ref text not null default '',
  title text not null default '',
  body text not null default '',
  is_task boolean not null default false,
  time_kind text not null default 'none'
    check (time_kind in ('none', 'date', 'range', 'month', 'quarter', 'ongoing')),
  -- first and last day of the task's time: a date has both equal, month and quarter their bounds
  starts_on date,
  due_on date,
  time_text text,
  expected_output text,
  programme text,
  indicator_codes jsonb not null default '[]',
  -- the parent plan's task this one carries out (cascade)
  source_item_id integer references plan_items (id),
  -- the same task in the version this plan superseded, so progress carries over
  previous_version_item_id integer references plan_items (id),
  check (time_kind in ('none', 'ongoing') or due_on is not null)
);
create index plan_items_plan on plan_items (plan_id, position);
create index plan_items_source on plan_items (source_item_id);
create index plan_items_due on plan_items (due_on) where is_task;

-- Lead (chủ trì) and supporting (phối hợp) units of a task; a name the registry could not
-- resolve is kept as text with org_unit_id null until someone maps it.
create table task_assignments (
  id integer generated always as identity primary key,
  item_id integer not null references plan_items (id) on delete cascade,
  role text not null check (role in ('lead', 'support')),
  org_unit_id integer references org_units (id),
  unit_name text not null,
  position integer not null default 0
);
create index task_assignments_item on task_assignments (item_id);
create index task_assignments_unit on task_assignments (org_unit_id);
create unique index task_assignments_unique on task_assignments (item_id, org_unit_id)
  where org_unit_id is not null;

-- How far a unit has got with a task: one current row per task and unit, history beside it.
create table task_progress (
  id integer generated always as identity primary key,
  item_id integer not null references plan_items (id) on delete cascade,
  org_unit_id integer not null references org_units (id),
  status text not null default 'not_started' check (status in ('not_started', 'in_progress', 'done')),
  percent integer check (percent between 0 and 100),
  note text,
  links jsonb not null default '[]',
  revision integer not null default 0,
  updated_by integer references users (id),
  updated_at timestamptz not null default now(),
  unique (item_id, org_unit_id)
);
create index task_progress_unit on task_progress (org_unit_id);

create table task_progress_history (
  id bigint generated always as identity primary key,
  progress_id integer not null references task_progress (id) on delete cascade,
  status text not null,
  percent integer,
  note text,
  changed_by integer references users (id),
  changed_at timestamptz not null default now()
);
create index task_progress_history_progress on task_progress_history (progress_id, id);

-- Evidence files; the bytes live under the attachments directory, named by id, never by user input.
create table attachments (
  id integer generated always as identity primary key,
  progress_id integer not null references task_progress (id) on delete cascade,
  file_name text not null,
  content_type text not null,
  size_bytes integer not null,
  sha256 text not null,
  storage_key text not null unique,
  uploaded_by integer references users (id),
  uploaded_at timestamptz not null default now()
);
create index attachments_progress on attachments (progress_id);
