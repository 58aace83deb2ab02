-- Platform tables: no tenant_id, no row-level security. The application role may read and write
-- them; it owns nothing.

create table tenants (
    id               uuid primary key,
    slug             text        not null unique check (slug ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
    name             text        not null,
    status           text        not null check (status in ('ACTIVE', 'SUSPENDED')),
    country          char(2)     not null check (country in ('GT', 'SV')),
    time_zone        text        not null,
    default_language text        not null check (default_language in ('es', 'en')),
    created_at       timestamptz not null,
    updated_at       timestamptz not null
);
grant select, insert, update on tenants to ${appRole};

-- The signing keys of access tokens; private keys are AES-256-GCM encrypted with a key id.
create table signing_keys (
    kid          text primary key,
    algorithm    text        not null,
    public_jwk   text        not null,
    private_key  text        not null,
    created_at   timestamptz not null,
    retired_at   timestamptz
);
grant select, insert, update on signing_keys to ${appRole};

-- Spring Modulith's event publication registry (JPA).
create table event_publication (
    id                     uuid primary key,
    listener_id            text        not null,
    event_type             text        not null,
    serialized_event       text        not null,
    publication_date       timestamptz not null,
    completion_date        timestamptz,
    last_resubmission_date timestamptz,
    completion_attempts    integer     not null default 0,
    status                 text
);
create index event_publication_incomplete on event_publication (publication_date) where completion_date is null;
grant select, insert, update, delete on event_publication to ${appRole};

create table event_publication_archive (like event_publication including all);
grant select, insert, update, delete on event_publication_archive to ${appRole};

-- db-scheduler's table (durable, clustered jobs).
create table scheduled_tasks (
    task_name            text        not null,
    task_instance        text        not null,
    task_data            bytea,
    execution_time       timestamptz not null,
    picked               boolean     not null,
    picked_by            text,
    last_success         timestamptz,
    last_failure         timestamptz,
    consecutive_failures int,
    last_heartbeat       timestamptz,
    version              bigint      not null,
    priority             smallint,
    primary key (task_name, task_instance)
);
create index scheduled_tasks_execution_time_idx on scheduled_tasks (execution_time);
create index scheduled_tasks_last_heartbeat_idx on scheduled_tasks (last_heartbeat);
create index scheduled_tasks_priority_execution_time_idx on scheduled_tasks (priority desc, execution_time asc);
grant select, insert, update, delete on scheduled_tasks to ${appRole};
