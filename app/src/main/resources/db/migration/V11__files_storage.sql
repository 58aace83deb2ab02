-- Files: which uploads an owner entity has taken (attached), and whether a deleted file's bytes are gone
-- from its storage (local disk or S3), so the cleanup job can delete orphans and retry failed removals.

alter table stored_files add column attached_at timestamptz;
alter table stored_files add column content_deleted_at timestamptz;

-- Files stored before attachments were tracked count as attached: the cleanup must not delete them.
update stored_files set attached_at = created_at where status = 'ACTIVE';

create index stored_files_orphans_idx on stored_files (tenant_id, created_at)
    where status = 'ACTIVE' and attached_at is null;
create index stored_files_content_pending_idx on stored_files (tenant_id, deleted_at)
    where status = 'DELETED' and content_deleted_at is null;

-- stored_files keeps tenant_id first in its key, and its row-level security from V5 (enabled, forced,
-- policy tenant_isolation); the new columns change neither.
