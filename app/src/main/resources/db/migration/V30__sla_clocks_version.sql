-- The SLA job marks due clocks by their stored instants (one statement per batch, no clock computed): the
-- instants must follow the calendar. A change of the calendar (time zone, week, holidays) moves
-- service_request_settings.version on; the job computes every running clock again with the new calendar and
-- then records the version its instants follow here. -1: never (existing settings are computed once).
alter table service_request_settings add column clocks_version bigint not null default -1;
