-- Full-text search over read-model documents.
--
-- A document may carry a search text in one language, kept as written and
-- read back with the document. The words are indexed by FTS5, ignoring case
-- and diacritics ("ecole" finds "École"); SQLite has no stemmer, so the
-- store matches words as prefixes.
ALTER TABLE read_models ADD COLUMN search_language TEXT;
ALTER TABLE read_models ADD COLUMN search_text TEXT;

-- The FTS5 index stores no text of its own (contentless; the text is in
-- `read_models`) and keys its rows by integer. `read_models` has no rowid
-- (WITHOUT ROWID), so this table gives each indexed document one, and finds
-- it again by key when the document changes or goes: an FTS5 table can only
-- be searched by rowid or by its words, so keeping the key in the index
-- itself would cost a scan of the whole index for every delete.
CREATE TABLE read_models_search (
    fts_rowid  INTEGER PRIMARY KEY,
    collection TEXT NOT NULL,
    id         TEXT NOT NULL,
    UNIQUE (collection, id)
);

-- `contentless_delete` (SQLite 3.43+; the bundled library is newer) lets
-- rows of a contentless table be deleted by rowid.
CREATE VIRTUAL TABLE read_models_fts USING fts5(
    text,
    content = '',
    contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2'
);

-- Triggers keep the index in step with every write, whoever makes it
-- (upserts, deletes, resets of a projection).
CREATE TRIGGER read_models_search_insert AFTER INSERT ON read_models
WHEN new.search_text IS NOT NULL
BEGIN
    INSERT INTO read_models_search (collection, id) VALUES (new.collection, new.id);
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

-- Rewriting a document with the same text (most projection writes) leaves
-- the index alone.
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
    INSERT INTO read_models_search (collection, id)
        SELECT new.collection, new.id WHERE new.search_text IS NOT NULL;
    INSERT INTO read_models_fts (rowid, text)
        SELECT fts_rowid, new.search_text FROM read_models_search
        WHERE collection = new.collection AND id = new.id AND new.search_text IS NOT NULL;
END;
