-- The schema belongs to the role that runs migrations; the application connects as ${app_role}.
-- Tables created by later migrations are readable and writable by the application unless a migration says
-- otherwise (the audit tables take UPDATE and DELETE away again).
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${app_role};
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${app_role};
GRANT USAGE ON SCHEMA public TO ${app_role};
