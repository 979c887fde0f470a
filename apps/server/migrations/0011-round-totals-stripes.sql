-- National scale (issue 8), the deadline spike: every report submitted in a round added its
-- figures to the same ~100 total rows of the round, so the reports of a province waited on each
-- other's row locks and every update left one more dead version of each row to step over (the
-- upsert slowed from 1 to 3 ms over one province's 150 reports, one after another).
-- A round's totals are now kept in 4 stripes: a report adds to the stripe of its unit
-- (org_unit_id % 4, reporting.totals.ts), so 4 times fewer reports share a row (more stripes
-- would make the national view sum more rows: 34 provinces × 100 cells × stripes). Readers sum
-- the stripes; the sum and count of a cell are unchanged.
alter table report_round_totals add column stripe smallint not null default 0 check (stripe >= 0);
alter table report_round_totals drop constraint report_round_totals_pkey;
alter table report_round_totals
  add primary key (round_id, bucket, data_element_id, disaggregation, stripe);

-- The totals kept so far are recounted into their stripes (refreshRoundTotals for every round).
delete from report_round_totals;
insert into report_round_totals (round_id, bucket, data_element_id, disaggregation, stripe, value_sum, value_count)
select s.round_id, s.status, v.data_element_id, v.disaggregation, (s.org_unit_id % 4)::smallint,
  sum(v.value::numeric), count(*)::int
from report_submissions s
join report_rounds r on r.id = s.round_id
join data_values v on v.org_unit_id = s.org_unit_id and v.period = r.period
where s.status in ('submitted', 'accepted')
  and v.data_element_id in (
    select e.id
    from report_templates t
    cross join lateral jsonb_array_elements(t.tables) as tab(definition)
    cross join lateral jsonb_array_elements_text(coalesce(tab.definition -> 'dataElements', '[]'::jsonb)) as code(value)
    join data_elements e on e.code = code.value
    where t.id = r.template_id)
group by s.round_id, s.status, v.data_element_id, v.disaggregation, s.org_unit_id % 4;
