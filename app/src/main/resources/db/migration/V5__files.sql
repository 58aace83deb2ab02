-- Files: metadata of stored files; the bytes live on local disk or S3-compatible storage.

create table stored_files (
    tenant_id   uuid        not null references tenants (id),
    id          uuid        not null,
    owner_type  text        not null check (owner_type ~ '^[a-z][a-z_]{1,39}$'),
    owner_id    text,
    name        text        not null,
    media_type  text        not null,
    size_bytes  bigint      not null check (size_bytes >= 0),
    sha256      char(64)    not null,
    storage     text        not null check (storage in ('LOCAL', 'S3')),
    storage_key text        not null,
    status      text        not null check (status in ('ACTIVE', 'DELETED')),
    created_at  timestamptz not null,
    created_by  uuid,
    deleted_at  timestamptz,
    primary key (tenant_id, id)
);
create index stored_files_owner_idx on stored_files (tenant_id, owner_type, owner_id) where status = 'ACTIVE';

alter table stored_files enable row level security;
alter table stored_files force row level security;
create policy tenant_isolation on stored_files
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

grant select, insert, update on stored_files to ${appRole};

-- The system roles of existing tenants get the new module's default permissions (new tenants get
-- them from SystemRole).
insert into role_permissions (tenant_id, role_id, permission)
select r.tenant_id, r.id, p.permission
  from roles r
  join (values ('ADMIN', 'files:view'), ('ADMIN', 'files:create'), ('ADMIN', 'files:delete'),
               ('MANAGER', 'files:view'), ('MANAGER', 'files:create'), ('MANAGER', 'files:delete'),
               ('SALES', 'files:view'), ('SALES', 'files:create'),
               ('AGENT', 'files:view'), ('AGENT', 'files:create'),
               ('FINANCE', 'files:view'), ('FINANCE', 'files:create'),
               ('SUPERVISOR', 'files:view'), ('SUPERVISOR', 'files:create'),
               ('TECHNICIAN', 'files:view'), ('TECHNICIAN', 'files:create')) as p (code, permission)
    on p.code = r.code and r.system
on conflict do nothing;
update users set permission_version = permission_version + 1
 where id in (select ur.user_id from user_roles ur join roles r on r.tenant_id = ur.tenant_id and r.id = ur.role_id where r.system);
