-- Schema family: a log table with no primary key, a table without audit timestamps, and a
-- multi-tenant table with no row-level security. Everything else is clean.
SELECT setseed(0.1);

CREATE TABLE tenants (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    display_name text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);

-- Multi-tenant rows, no RLS: one forgotten WHERE tenant_id = … leaks another tenant's data.
CREATE TABLE projects (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id bigint NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    title text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX projects_tenant_id_idx ON projects (tenant_id);

-- No primary key at all: duplicates cannot be told apart, logical replication cannot replicate deletes.
CREATE TABLE audit_entries (
    project_id bigint NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    action text NOT NULL,
    details text,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX audit_entries_project_id_idx ON audit_entries (project_id);

-- No created_at / updated_at.
CREATE TABLE labels (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    project_id bigint NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    caption text NOT NULL
);
CREATE INDEX labels_project_id_idx ON labels (project_id);

INSERT INTO tenants (display_name) SELECT 'Tenant ' || substr(md5(i::text), 1, 10) FROM generate_series(1, 50) AS i;
INSERT INTO projects (tenant_id, title) SELECT 1 + floor(random() * 50)::bigint, 'Project ' || substr(md5(i::text), 1, 16) FROM generate_series(1, 2000) AS i;
INSERT INTO audit_entries (project_id, action, details)
SELECT 1 + floor(random() * 2000)::bigint, 'action ' || substr(md5(i::text), 1, 6), 'changed ' || substr(md5('d' || i), 1, 20)
FROM generate_series(1, 8000) AS i;
INSERT INTO labels (project_id, caption) SELECT 1 + floor(random() * 2000)::bigint, 'label ' || substr(md5(i::text), 1, 8) FROM generate_series(1, 3000) AS i;
