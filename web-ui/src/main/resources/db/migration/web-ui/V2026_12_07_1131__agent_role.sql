-- Role AGENT (issue 20): the inbox and nothing else, for users and API keys.
alter table platform_user drop constraint platform_user_role_check;
alter table platform_user add constraint platform_user_role_check
    check (role in ('MARKETER', 'MANAGER', 'ADMIN', 'AGENT'));
alter table api_key drop constraint api_key_role_check;
alter table api_key add constraint api_key_role_check check (role in ('MARKETER', 'MANAGER', 'ADMIN', 'AGENT'));
