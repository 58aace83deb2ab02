-- Identity: roles, users, grants, tokens, access log. Every table is tenant-owned: tenant_id leads
-- every key and row-level security keeps each tenant to its own rows.

create table roles (
    tenant_id   uuid        not null references tenants (id),
    id          uuid        not null,
    code        text        not null check (code ~ '^[A-Z][A-Z0-9_]{1,39}$'),
    name        text        not null,
    description text,
    system      boolean     not null default false,
    created_at  timestamptz not null,
    updated_at  timestamptz not null,
    created_by  uuid,
    version     bigint      not null default 0,
    primary key (tenant_id, id),
    unique (tenant_id, code)
);

create table role_permissions (
    tenant_id  uuid not null,
    role_id    uuid not null,
    permission text not null check (permission ~ '^[a-z]+:[a-z_]+$'),
    primary key (tenant_id, role_id, permission),
    foreign key (tenant_id, role_id) references roles (tenant_id, id) on delete cascade
);

create table users (
    tenant_id          uuid        not null references tenants (id),
    id                 uuid        not null,
    email              citext      not null,
    full_name          text        not null,
    phone              text,
    password_hash      text,
    status             text        not null check (status in ('ACTIVE', 'INACTIVE', 'SUSPENDED', 'BLOCKED')),
    language           text        not null check (language in ('es', 'en')),
    time_zone          text        not null,
    permission_version bigint      not null default 1,
    failed_logins      integer     not null default 0,
    locked_until       timestamptz,
    last_login_at      timestamptz,
    created_at         timestamptz not null,
    updated_at         timestamptz not null,
    created_by         uuid,
    version            bigint      not null default 0,
    primary key (tenant_id, id),
    unique (tenant_id, email)
);
create index users_email_idx on users (email);
create index users_tenant_name_idx on users (tenant_id, full_name);

create table user_roles (
    tenant_id uuid not null,
    user_id   uuid not null,
    role_id   uuid not null,
    primary key (tenant_id, user_id, role_id),
    foreign key (tenant_id, user_id) references users (tenant_id, id) on delete cascade,
    foreign key (tenant_id, role_id) references roles (tenant_id, id) on delete cascade
);
create index user_roles_role_idx on user_roles (tenant_id, role_id);

create table user_permission_overrides (
    tenant_id  uuid not null,
    user_id    uuid not null,
    permission text not null check (permission ~ '^[a-z]+:[a-z_]+$'),
    effect     text not null check (effect in ('GRANT', 'REVOKE')),
    primary key (tenant_id, user_id, permission),
    foreign key (tenant_id, user_id) references users (tenant_id, id) on delete cascade
);

create table refresh_tokens (
    tenant_id   uuid        not null,
    id          uuid        not null,
    user_id     uuid        not null,
    family_id   uuid        not null,
    token_hash  bytea       not null,
    issued_at   timestamptz not null,
    expires_at  timestamptz not null,
    rotated_at  timestamptz,
    revoked_at  timestamptz,
    ip          text,
    user_agent  text,
    primary key (tenant_id, id),
    unique (tenant_id, token_hash),
    foreign key (tenant_id, user_id) references users (tenant_id, id) on delete cascade
);
create index refresh_tokens_family_idx on refresh_tokens (tenant_id, family_id);
create index refresh_tokens_expiry_idx on refresh_tokens (tenant_id, expires_at);

create table password_reset_tokens (
    tenant_id  uuid        not null,
    id         uuid        not null,
    user_id    uuid        not null,
    token_hash bytea       not null,
    created_at timestamptz not null,
    expires_at timestamptz not null,
    used_at    timestamptz,
    primary key (tenant_id, id),
    unique (tenant_id, token_hash),
    foreign key (tenant_id, user_id) references users (tenant_id, id) on delete cascade
);
create index password_reset_tokens_expiry_idx on password_reset_tokens (tenant_id, expires_at);

create table access_log (
    tenant_id   uuid        not null,
    id          uuid        not null,
    occurred_at timestamptz not null,
    user_id     uuid,
    email       text,
    event       text        not null check (event in ('LOGIN', 'LOGIN_FAILED', 'LOCKED', 'LOGOUT', 'REFRESH',
                                                      'REFRESH_REUSED', 'PASSWORD_RESET_REQUESTED', 'PASSWORD_RESET')),
    ip          text,
    user_agent  text,
    primary key (tenant_id, id)
);
create index access_log_time_idx on access_log (tenant_id, occurred_at desc);

-- Row-level security: no tenant set, no rows (fail closed).
alter table roles enable row level security;
alter table roles force row level security;
create policy tenant_isolation on roles
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

alter table role_permissions enable row level security;
alter table role_permissions force row level security;
create policy tenant_isolation on role_permissions
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

alter table users enable row level security;
alter table users force row level security;
create policy tenant_isolation on users
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

alter table user_roles enable row level security;
alter table user_roles force row level security;
create policy tenant_isolation on user_roles
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

alter table user_permission_overrides enable row level security;
alter table user_permission_overrides force row level security;
create policy tenant_isolation on user_permission_overrides
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

alter table refresh_tokens enable row level security;
alter table refresh_tokens force row level security;
create policy tenant_isolation on refresh_tokens
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

alter table password_reset_tokens enable row level security;
alter table password_reset_tokens force row level security;
create policy tenant_isolation on password_reset_tokens
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

alter table access_log enable row level security;
alter table access_log force row level security;
create policy tenant_isolation on access_log
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

grant select, insert, update, delete on roles, role_permissions, users, user_roles, user_permission_overrides,
    refresh_tokens, password_reset_tokens to ${appRole};
grant select, insert on access_log to ${appRole};

-- Login and password reset know an email before they know the tenant. This function, run as the
-- owner (who bypasses row-level security), answers only which tenants have a user with that email.
create function identity_login_candidates(p_email text)
    returns table (tenant_id uuid, user_id uuid, tenant_slug text)
    language sql stable security definer set search_path = public, pg_temp
as $$
    select u.tenant_id, u.id, t.slug
      from users u join tenants t on t.id = u.tenant_id
     where u.email = p_email::citext
$$;
revoke all on function identity_login_candidates(text) from public;
grant execute on function identity_login_candidates(text) to ${appRole};
