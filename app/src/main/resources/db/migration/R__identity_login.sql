-- Identity: the accounts an email has in every tenant, for the login and the password reset, before any
-- tenant is known (AuthenticationService, PasswordResets). Owned here, as repeatable source: a change edits
-- this file. Security definer: under row-level security no tenant's users could be read without a tenant.
-- The tenants' slugs come from the tenants module (TenantManagement), not from its table.

-- V2's version also returned the tenant's slug, read from the tenants table
drop function if exists identity_login_candidates(text);

create function identity_login_candidates(p_email text)
    returns table (tenant_id uuid, user_id uuid)
    language sql stable security definer set search_path = public, pg_temp
as $$
    select u.tenant_id, u.id from users u where u.email = p_email::citext
$$;
revoke all on function identity_login_candidates(text) from public;
grant execute on function identity_login_candidates(text) to ${appRole};
