-- A sign-in's refresh tokens form a family; the family's start bounds the session's absolute lifetime
-- (ambiosys.security.session-max-age), however often its tokens are rotated. Every token of a family
-- carries the start, so a rotation reads it from the token it spends. Existing families start at their
-- oldest token still stored.
alter table refresh_tokens add column family_started_at timestamptz;

update refresh_tokens r
   set family_started_at = f.started_at
  from (select tenant_id, family_id, min(issued_at) as started_at
          from refresh_tokens group by tenant_id, family_id) f
 where r.tenant_id = f.tenant_id and r.family_id = f.family_id;

alter table refresh_tokens alter column family_started_at set not null;
