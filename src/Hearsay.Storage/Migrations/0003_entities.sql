-- Cross-document entities. An entity is keyed by its type and normalized name (entity_key, built by
-- SqliteDocumentStore.EntityKey): lower-cased, whitespace collapsed, a leading "the" and a trailing
-- possessive removed. A name without a capitalized non-pronoun word ("we", "the media") never links:
-- its key also holds the document id and local entity id. Its public id is 'E' followed by seq, stable for the life of the database.
CREATE TABLE entities (
    seq INTEGER PRIMARY KEY,
    entity_key TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    type TEXT NOT NULL
);

-- One row per document entity; aliases_json is a JSON array of its name and mention strings.
CREATE TABLE entity_mentions (
    document_id TEXT NOT NULL REFERENCES documents (id),
    local_id INTEGER NOT NULL,
    entity_seq INTEGER NOT NULL REFERENCES entities (seq),
    name TEXT NOT NULL,
    aliases_json TEXT NOT NULL,
    PRIMARY KEY (document_id, local_id)
);

CREATE INDEX ix_entity_mentions_entity ON entity_mentions (entity_seq);
