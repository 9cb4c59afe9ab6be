-- Hearsay store, schema version 1.
-- Plain tables use portable SQL (PostgreSQL runs them with identity columns in place of
-- INTEGER PRIMARY KEY); only search_index is SQLite-specific (FTS5; PostgreSQL would use tsvector).

CREATE TABLE documents (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    title TEXT,
    source TEXT,
    published TEXT,
    language TEXT,
    status TEXT NOT NULL,
    attribution_count INTEGER NOT NULL,
    stored_at TEXT NOT NULL
);

CREATE TABLE analyses (
    document_id TEXT NOT NULL PRIMARY KEY REFERENCES documents (id),
    contract_version TEXT NOT NULL,
    result_json TEXT NOT NULL
);

CREATE TABLE analysis_models (
    document_id TEXT NOT NULL REFERENCES documents (id),
    stage TEXT NOT NULL,
    version TEXT NOT NULL,
    PRIMARY KEY (document_id, stage)
);

-- Denormalized for lookups by source: *_key columns hold the lower-cased (invariant) value,
-- so case-insensitive matching needs no collation, which differs between databases.
CREATE TABLE attributions (
    document_id TEXT NOT NULL REFERENCES documents (id),
    attribution_id TEXT NOT NULL,
    ordinal INTEGER NOT NULL,
    source_text TEXT NOT NULL,
    source_key TEXT NOT NULL,
    source_type TEXT NOT NULL,
    entity_name TEXT,
    entity_key TEXT,
    entity_global_id TEXT,
    entity_global_key TEXT,
    cue_text TEXT NOT NULL,
    content_text TEXT NOT NULL,
    form TEXT NOT NULL,
    polarity TEXT NOT NULL,
    attribution_json TEXT NOT NULL,
    PRIMARY KEY (document_id, attribution_id)
);

CREATE INDEX ix_attributions_source_key ON attributions (source_key);
CREATE INDEX ix_attributions_entity_key ON attributions (entity_key);
CREATE INDEX ix_attributions_entity_global_key ON attributions (entity_global_key);

-- One row per searchable body: the document text (field 'text') and each attribution's content
-- (field 'attribution', ref = the attribution id).
CREATE VIRTUAL TABLE search_index USING fts5 (
    document_id UNINDEXED,
    field UNINDEXED,
    ref UNINDEXED,
    body,
    tokenize = 'unicode61 remove_diacritics 2'
);
