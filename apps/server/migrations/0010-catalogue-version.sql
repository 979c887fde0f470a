-- National scale (issue 8): every save of figures validates against the indicator catalogue.
-- The catalogue is small but takes seven queries to load; a process keeps it in memory and asks
-- one row whether it is still current. Every statement that changes a catalogue table bumps the
-- version in its own transaction, so a process (of several on one database) that reads the
-- version sees a change as soon as it commits, and a transaction sees its own change. Versions
-- come from a sequence, which a rollback does not give back: a version a rolled-back change
-- showed is never used again, so no process can mistake another catalogue for it. The id tells
-- one database from another (tests open many in one process).
create sequence catalogue_version_seq;
create table catalogue_version (
  id text primary key,
  version bigint not null
);
insert into catalogue_version (id, version) select md5(random()::text || clock_timestamp()::text), nextval('catalogue_version_seq');

create function bump_catalogue_version() returns trigger language plpgsql as $$
begin
  update catalogue_version set version = nextval('catalogue_version_seq');
  return null;
end $$;

create trigger catalogue_version_categories after insert or update or delete on disaggregation_categories
  for each statement execute function bump_catalogue_version();
create trigger catalogue_version_options after insert or update or delete on disaggregation_options
  for each statement execute function bump_catalogue_version();
create trigger catalogue_version_combos after insert or update or delete on category_combos
  for each statement execute function bump_catalogue_version();
create trigger catalogue_version_elements after insert or update or delete on data_elements
  for each statement execute function bump_catalogue_version();
create trigger catalogue_version_forms after insert or update or delete on data_entry_forms
  for each statement execute function bump_catalogue_version();
create trigger catalogue_version_indicators after insert or update or delete on indicators
  for each statement execute function bump_catalogue_version();
create trigger catalogue_version_rules after insert or update or delete on validation_rules
  for each statement execute function bump_catalogue_version();
