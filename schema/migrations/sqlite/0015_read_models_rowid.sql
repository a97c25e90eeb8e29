-- Read-model documents in a table with rowids.
--
-- `read_models` was a WITHOUT ROWID table: its rows are stored in the
-- primary key's b-tree, which SQLite advises only for rows smaller than a
-- twentieth of a page. Documents are larger (a concern with its timeline
-- is a few kilobytes), so every insert and every lookup by key walked
-- overflow pages inside the key's b-tree. A rebuild of 100 000 concerns
-- wrote about 8 000 documents a second (docs/benchmarks.md); the same rows
-- into a table with rowids, keyed by a unique index, went 2.5 times faster.
-- The listing indexes now lead to a rowid instead of a second search by
-- key.
--
-- SQLite cannot change a table's kind in place: the table is made again
-- (https://sqlite.org/lang_altertable.html#otheralter), which drops its
-- indexes and triggers, so they are made again below as migrations 0001,
-- 0003 and 0014 last defined them. The search tables stay as they are.
CREATE TABLE read_models_rowid (
    collection      TEXT NOT NULL,
    id              TEXT NOT NULL,
    tenant_id       TEXT,
    sort_key        TEXT NOT NULL,
    body            TEXT NOT NULL CHECK (json_valid(body)),
    search_language TEXT,
    search_text     TEXT,
    PRIMARY KEY (collection, id)
);

INSERT INTO read_models_rowid
    (collection, id, tenant_id, sort_key, body, search_language, search_text)
SELECT collection, id, tenant_id, sort_key, body, search_language, search_text
FROM read_models;

DROP TABLE read_models;
ALTER TABLE read_models_rowid RENAME TO read_models;

CREATE INDEX read_models_listing ON read_models (collection, tenant_id, sort_key, id);
CREATE INDEX read_models_order ON read_models (collection, sort_key, id);

CREATE TRIGGER read_models_search_insert AFTER INSERT ON read_models
WHEN new.search_text IS NOT NULL
BEGIN
    INSERT INTO read_models_search (collection, id, tenant_id, sort_key)
        VALUES (new.collection, new.id, new.tenant_id, new.sort_key);
    INSERT INTO read_models_fts (rowid, text)
        SELECT fts_rowid, new.search_text FROM read_models_search
        WHERE collection = new.collection AND id = new.id;
END;

CREATE TRIGGER read_models_search_delete AFTER DELETE ON read_models
WHEN old.search_text IS NOT NULL
BEGIN
    DELETE FROM read_models_fts WHERE rowid = (
        SELECT fts_rowid FROM read_models_search
        WHERE collection = old.collection AND id = old.id
    );
    DELETE FROM read_models_search WHERE collection = old.collection AND id = old.id;
END;

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

CREATE TRIGGER read_models_search_listing AFTER UPDATE OF tenant_id, sort_key ON read_models
WHEN new.search_text IS NOT NULL
    AND (old.tenant_id IS NOT new.tenant_id OR old.sort_key IS NOT new.sort_key)
BEGIN
    UPDATE read_models_search SET tenant_id = new.tenant_id, sort_key = new.sort_key
    WHERE collection = new.collection AND id = new.id;
END;
