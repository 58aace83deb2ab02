-- Inbox agents answer whoever writes in, so the conversation's customer panel must show any customer
-- and their open service requests: the system AGENT role gets customers:view_all and
-- servicerequests:view_all. Managing the inbox (channels, canned responses, teams) is for managers
-- and administrators: the system AGENT role loses inbox:manage. New tenants get the same from SystemRole.
insert into role_permissions (tenant_id, role_id, permission)
select r.tenant_id, r.id, p.permission
  from roles r
  join (values ('AGENT', 'customers:view_all'), ('AGENT', 'servicerequests:view_all')) as p (code, permission)
    on p.code = r.code and r.system
on conflict do nothing;

delete from role_permissions rp
 using roles r
 where r.tenant_id = rp.tenant_id and r.id = rp.role_id and r.system and r.code = 'AGENT'
   and rp.permission = 'inbox:manage';

update users set permission_version = permission_version + 1
 where id in (select ur.user_id from user_roles ur join roles r on r.tenant_id = ur.tenant_id and r.id = ur.role_id
               where r.system and r.code = 'AGENT');
