-- API keys get scopes (issue 16): what a key may do within its role, space-separated.
-- Existing keys keep what their role allowed, except that a manager's (read-only) key can no
-- longer report conversions: a manager key used as a shop postback now gets 403 and needs a
-- new key with conversions:write (docs/security.md).
alter table api_key add column scopes varchar(200);
update api_key set scopes = case role when 'MANAGER' then 'api:read' else 'api:read api:write conversions:write' end;
alter table api_key alter column scopes set not null;
