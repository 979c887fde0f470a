-- National scale (issue 8), the deadline spike: every figure written also writes a history row,
-- and each of those rows ran three foreign-key checks (element, unit, user) — for 100 figures,
-- 300 lookups that also share-lock the same catalogue rows from every concurrent report. They
-- repeat checks already made: writeValues writes a history row only beside the data_values row
-- it describes, in the same transaction, with the same element, unit and user, and data_values
-- keeps its own foreign keys; the history is append-only and nothing deletes elements, units or
-- users (units are closed, users deactivated). Measured on 100-row inserts: 2.4 ms → 0.85 ms.
alter table data_value_history
  drop constraint data_value_history_data_element_id_fkey,
  drop constraint data_value_history_org_unit_id_fkey,
  drop constraint data_value_history_changed_by_fkey;
