-- When each attributed statement was made (its own time, else the document's publication date),
-- as an ISO date prefix, so that an entity's statements can be read as a timeline.
ALTER TABLE attributions ADD COLUMN said_at TEXT;
CREATE INDEX ix_attributions_said_at ON attributions (said_at);
