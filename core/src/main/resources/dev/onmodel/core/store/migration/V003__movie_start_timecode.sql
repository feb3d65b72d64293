-- OnModel review store, schema 3: a movie variant's embedded start timecode.
-- Edit lists name a movie's frames by its source timecode, which an editor's system matches when it relinks the
-- movie. Stores from schema 2 read 0 (00:00:00:00, what they exported) until the project is imported again, which
-- probes every movie anew.
ALTER TABLE variant ADD COLUMN source_start INTEGER NOT NULL DEFAULT 0 CHECK (source_start >= 0);
