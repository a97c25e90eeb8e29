-- A text search lists one page of the matching documents in listing order,
-- within a tenant. With only (collection, id) beside each FTS row, SQLite
-- read every matching document, its JSON body included, to sort them and
-- keep one page: 86 ms median at 100 000 concerns, 7.5 times a plain table
-- (docs/benchmarks.md). The search table now carries each document's tenant
-- and sort key, so the page is chosen on this narrow table and only its
-- documents are read.
ALTER TABLE read_models_search ADD COLUMN tenant_id TEXT;
ALTER TABLE read_models_search ADD COLUMN sort_key TEXT NOT NULL DEFAULT '';

UPDATE read_models_search SET (tenant_id, sort_key) = (
    SELECT d.tenant_id, d.sort_key FROM read_models d
    WHERE d.collection = read_models_search.collection AND d.id = read_models_search.id
);

DROP TRIGGER read_models_search_insert;
CREATE TRIGGER read_models_search_insert AFTER INSERT ON read_models
WHEN new.search_text IS NOT NULL
BEGIN
    INSERT INTO read_models_search (collection, id, tenant_id, sort_key)
        VALUES (new.collection, new.id, new.tenant_id, new.sort_key);
    INSERT INTO read_models_fts (rowid, text)
        SELECT fts_rowid, new.search_text FROM read_models_search
        WHERE collection = new.collection AND id = new.id;
END;

DROP TRIGGER read_models_search_update;
CREATE TRIGGER read_models_search_update AFTER UPDATE OF collection, id, search_text ON read_models
WHEN old.search_text IS NOT new.search_text
    OR old.collection IS NOT new.collection
    OR old.id IS NOT new.id
BEGIN
    DELETE FROM read_models_fts WHERE rowid = (
        SELECT fts_rowid FROM read_models_search
        WHERE collection = old.collection AND id = old.id
    );
    DELETE FROM read_models_search WHERE collection = old.collection AND id = old.id;
    INSERT INTO read_models_search (collection, id, tenant_id, sort_key)
        SELECT new.collection, new.id, new.tenant_id, new.sort_key
        WHERE new.search_text IS NOT NULL;
    INSERT INTO read_models_fts (rowid, text)
        SELECT fts_rowid, new.search_text FROM read_models_search
        WHERE collection = new.collection AND id = new.id AND new.search_text IS NOT NULL;
END;

-- A document that moves in the listing (or to another tenant) without a new
-- text keeps its FTS row; only its place is updated.
CREATE TRIGGER read_models_search_listing AFTER UPDATE OF tenant_id, sort_key ON read_models
WHEN new.search_text IS NOT NULL
    AND (old.tenant_id IS NOT new.tenant_id OR old.sort_key IS NOT new.sort_key)
BEGIN
    UPDATE read_models_search SET tenant_id = new.tenant_id, sort_key = new.sort_key
    WHERE collection = new.collection AND id = new.id;
END;
