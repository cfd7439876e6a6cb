-- Import warnings: a row with a valid number is imported even when an optional field is
-- not valid; that field is left empty and the problem is kept beside the rejected rows.
alter table contact_import_rejection
    add column severity varchar(8) not null default 'ERROR' check (severity in ('ERROR', 'WARNING'));

alter table contact_import
    add column warning_count bigint not null default 0; -- rows imported with at least one warning
