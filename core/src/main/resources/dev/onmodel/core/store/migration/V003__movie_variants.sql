-- OnModel review store, schema 3: what a movie variant needs beyond its frame range.

-- The identity of the movie's file as imported. A sequence's frames each have a frame row with their size, mtime
-- and digest; a movie has no frame rows, so its file's identity sits with its variant. Re-scoring compares the file
-- with it to tell whether the movie's stored scores still stand, and a rescan compares it to tell whether the movie
-- changed. NULL for sequences, and for movies imported before this schema (they are scored again until the next
-- import records them).
ALTER TABLE variant ADD COLUMN size INTEGER;
ALTER TABLE variant ADD COLUMN mtime_ms INTEGER;
ALTER TABLE variant ADD COLUMN digest TEXT;

-- The movie's embedded start timecode, in frames at its rate. Edit lists name a movie's frames by its source
-- timecode, which an editor's system matches when it relinks the movie. Stores from schema 2 read 0 (00:00:00:00,
-- what they exported) until the project is imported again, which probes every movie anew.
ALTER TABLE variant ADD COLUMN source_start INTEGER NOT NULL DEFAULT 0 CHECK (source_start >= 0);
