-- Wrong passwords per account and client IP (issue 14): the back-off that replaces the per-account lock,
-- which answered before the password was checked and so let anyone keep a known email locked out.
-- Not a tenant table: a login is counted before its tenant is known, and for emails that exist nowhere.
-- account is the SHA-256 of the normalised email, so mistyped emails are not stored.
create table login_backoff (
    account       text        not null,
    ip            text        not null,
    failures      integer     not null,
    last_failure  timestamptz not null,
    blocked_until timestamptz,
    primary key (account, ip)
);
create index login_backoff_last_failure on login_backoff (last_failure);
grant select, insert, update, delete on login_backoff to ${appRole};

alter table users drop column failed_logins, drop column locked_until;
