-- The API usage log is statistics, not audit: the application may delete old rows (retention job).
-- audit_log and access_log stay insert-only.
grant delete on api_usage_log to ${appRole};
