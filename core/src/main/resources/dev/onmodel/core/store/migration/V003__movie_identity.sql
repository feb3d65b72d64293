-- OnModel review store, schema 3: the identity of a movie variant's file as imported.
-- A sequence's frames each have a frame row with their size, mtime and digest; a movie has no frame rows, so its
-- file's identity sits with its variant. Re-scoring compares the file with it to tell whether the movie's stored
-- scores still stand, and a rescan compares it to tell whether the movie changed. NULL for sequences, and for
-- movies imported before this schema (they are scored again until the next import records them).
ALTER TABLE variant ADD COLUMN size INTEGER;
ALTER TABLE variant ADD COLUMN mtime_ms INTEGER;
ALTER TABLE variant ADD COLUMN digest TEXT;
