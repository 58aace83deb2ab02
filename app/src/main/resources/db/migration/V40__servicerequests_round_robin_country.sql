-- The round robin chooses among one country's reps, so its cursor is kept per service type and country: with one
-- cursor per type, GT reps a, b and SV rep c on alternating GT/SV requests went a, c, a, c and b never got one.
-- Cursors from before start again (their country is unknown: '' is never looked up).
alter table round_robin_cursors add column country varchar(2) not null default '';
alter table round_robin_cursors alter column country drop default;
alter table round_robin_cursors drop constraint round_robin_cursors_pkey;
alter table round_robin_cursors add primary key (tenant_id, service_type_id, country);
