-- Full-text search over read-model documents.
--
-- A document may carry a search text in one language. The text is kept as
-- written (`search_text`, read back with the document) and indexed as a
-- `tsvector` that PostgreSQL computes itself (a stored generated column), so
-- no writer can forget it and a rewrite without search text clears it.
--
-- Each language has its own configuration: the stock one (stemming and stop
-- words) with `unaccent` in front of the stemmer, so "ecole" finds "école"
-- and "Zurich" finds "Zürich", as on SQLite (whose FTS5 tokenizer removes
-- diacritics). Words with letters outside ASCII first meet a dictionary of
-- the language's stop words ("für", "à", "perché"), which would no longer
-- be recognised once `unaccent` has changed them. A configuration, unlike a
-- call of the `unaccent()` function, keeps `to_tsvector(regconfig, text)`
-- immutable, as a generated column requires. `unaccent` is a trusted
-- extension (PostgreSQL 13+) of the contrib package every packaged server
-- ships.
CREATE EXTENSION IF NOT EXISTS unaccent;

CREATE TEXT SEARCH DICTIONARY iiz_german_stop (TEMPLATE = simple, STOPWORDS = german, ACCEPT = false);
CREATE TEXT SEARCH CONFIGURATION iiz_german (COPY = german);
ALTER TEXT SEARCH CONFIGURATION iiz_german
    ALTER MAPPING FOR word, hword, hword_part WITH iiz_german_stop, unaccent, german_stem;

CREATE TEXT SEARCH DICTIONARY iiz_french_stop (TEMPLATE = simple, STOPWORDS = french, ACCEPT = false);
CREATE TEXT SEARCH CONFIGURATION iiz_french (COPY = french);
ALTER TEXT SEARCH CONFIGURATION iiz_french
    ALTER MAPPING FOR word, hword, hword_part WITH iiz_french_stop, unaccent, french_stem;

CREATE TEXT SEARCH DICTIONARY iiz_italian_stop (TEMPLATE = simple, STOPWORDS = italian, ACCEPT = false);
CREATE TEXT SEARCH CONFIGURATION iiz_italian (COPY = italian);
ALTER TEXT SEARCH CONFIGURATION iiz_italian
    ALTER MAPPING FOR word, hword, hword_part WITH iiz_italian_stop, unaccent, italian_stem;

CREATE TEXT SEARCH CONFIGURATION iiz_simple (COPY = simple);
ALTER TEXT SEARCH CONFIGURATION iiz_simple
    ALTER MAPPING FOR word, hword, hword_part WITH unaccent, simple;

ALTER TABLE read_models
    ADD COLUMN search_config REGCONFIG,
    ADD COLUMN search_text TEXT,
    ADD COLUMN search TSVECTOR GENERATED ALWAYS AS (
        to_tsvector(coalesce(search_config, 'iiz_simple'::regconfig), coalesce(search_text, ''))
    ) STORED;

-- Only documents with a search text are indexed; queries repeat the
-- predicate so the planner can use the index.
CREATE INDEX read_models_search ON read_models USING GIN (search)
    WHERE search_text IS NOT NULL;

-- Shared documents (no tenant) in listing order, for listings of a tenant
-- with the shared documents (one range per side of a UNION ALL):
-- `tenant_id IS NULL` is no equality, so the listing index
-- (collection, tenant_id, sort_key, id) cannot return them in order.
CREATE INDEX read_models_shared ON read_models (collection, sort_key, id)
    WHERE tenant_id IS NULL;

-- The query for a list of words, in every language a document may be
-- written in, so it matches a document whichever its language: `words` is
-- a `to_tsquery` expression of quoted words and operators only (the store
-- builds it from the letters and digits of user input, so it cannot be
-- malformed). Each configuration drops its own stop words; PostgreSQL
-- reports a query left empty with a NOTICE, which would land in the logs
-- for every search of a stop word, hence `client_min_messages`.
-- IMMUTABLE as `to_tsquery(regconfig, text)` is (the configurations are
-- looked up in the search path of the migration, not of the caller), so
-- PostgreSQL computes the query once, when planning, and knows how many
-- documents it matches.
CREATE FUNCTION read_models_tsquery(words TEXT) RETURNS TSQUERY
LANGUAGE sql IMMUTABLE PARALLEL SAFE
SET client_min_messages = warning
SET search_path FROM CURRENT
AS $$
    SELECT to_tsquery('iiz_german', words)
        || to_tsquery('iiz_french', words)
        || to_tsquery('iiz_italian', words)
        || to_tsquery('iiz_simple', words)
$$;
