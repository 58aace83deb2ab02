-- Inbox, the rest: canned responses with short codes, teams of agents, assignment to a team, agent
-- presence (ONLINE/AWAY and when the live stream last beat), round-robin assignment per channel with a
-- cursor row per tenant and team locked by each assignment, and what an outbound media message was.

create table inbox_canned_responses (
    tenant_id  uuid        not null,
    id         uuid        not null,
    short_code text        not null check (short_code ~ '^[a-z0-9_-]{2,30}$'),
    title      text        not null check (length(title) between 1 and 100),
    body       text        not null check (length(body) between 1 and 4096),
    created_at timestamptz not null,
    updated_at timestamptz not null,
    updated_by uuid,
    primary key (tenant_id, id),
    unique (tenant_id, short_code)
);

create table inbox_teams (
    tenant_id  uuid        not null,
    id         uuid        not null,
    name       text        not null check (length(name) between 1 and 100),
    created_at timestamptz not null,
    updated_at timestamptz not null,
    primary key (tenant_id, id)
);
create unique index inbox_teams_name_idx on inbox_teams (tenant_id, lower(name));

create table inbox_team_members (
    tenant_id uuid not null,
    team_id   uuid not null,
    user_id   uuid not null,
    primary key (tenant_id, team_id, user_id),
    foreign key (tenant_id, team_id) references inbox_teams (tenant_id, id) on delete cascade,
    foreign key (tenant_id, user_id) references users (tenant_id, id)
);

alter table inbox_conversations add column team_id uuid;
alter table inbox_conversations add foreign key (tenant_id, team_id) references inbox_teams (tenant_id, id);
create index inbox_conversations_team_idx on inbox_conversations (tenant_id, team_id, last_message_at desc)
    where team_id is not null;

-- how a channel's new (or reopened) conversations are assigned: by hand, or in turn among online agents
alter table inbox_channels add column assignment_mode text not null default 'MANUAL'
    check (assignment_mode in ('MANUAL', 'ROUND_ROBIN'));
alter table inbox_channels add column assignment_team_id uuid;
alter table inbox_channels add foreign key (tenant_id, assignment_team_id) references inbox_teams (tenant_id, id);

-- an agent's chosen status and the last heartbeat of their live stream (any instance writes it)
create table inbox_agent_presence (
    tenant_id  uuid        not null,
    user_id    uuid        not null,
    status     text        not null default 'ONLINE' check (status in ('ONLINE', 'AWAY')),
    last_seen  timestamptz,
    updated_at timestamptz not null,
    primary key (tenant_id, user_id),
    foreign key (tenant_id, user_id) references users (tenant_id, id)
);

-- the round robin's position: one row per tenant and team (the nil uuid: every agent of the tenant),
-- locked FOR UPDATE by each automatic assignment so two conversations at once never break the turn
create table inbox_assignment_cursors (
    tenant_id    uuid not null,
    scope        uuid not null,
    last_user_id uuid,
    primary key (tenant_id, scope)
);

-- an outbound media message's type (an inbound one carries Meta's mime_type in its payload)
alter table inbox_messages add column media_type text;

alter table inbox_canned_responses enable row level security;
alter table inbox_canned_responses force row level security;
create policy tenant_isolation on inbox_canned_responses
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
alter table inbox_teams enable row level security;
alter table inbox_teams force row level security;
create policy tenant_isolation on inbox_teams
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
alter table inbox_team_members enable row level security;
alter table inbox_team_members force row level security;
create policy tenant_isolation on inbox_team_members
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
alter table inbox_agent_presence enable row level security;
alter table inbox_agent_presence force row level security;
create policy tenant_isolation on inbox_agent_presence
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
alter table inbox_assignment_cursors enable row level security;
alter table inbox_assignment_cursors force row level security;
create policy tenant_isolation on inbox_assignment_cursors
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

grant select, insert, update, delete on inbox_canned_responses, inbox_teams, inbox_team_members to ${appRole};
grant select, insert, update on inbox_agent_presence, inbox_assignment_cursors to ${appRole};
