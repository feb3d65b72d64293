-- OnModel review store, schema 2: persisted consistency scores and the cast each shot was scored against.
-- Like analysis_cache these are results, not records: a re-score replaces them and a rescan drops the rows of
-- frames whose file changed or disappeared. Decisions never reference them.

-- One row per frame and character scored. The fields the views filter and sort on are columns; the rest of the
-- explanation (components, box, sentence) is a JSON payload the workflow layer reads and writes.
CREATE TABLE frame_score (
    shot           TEXT NOT NULL,
    variant        TEXT NOT NULL,
    frame          INTEGER NOT NULL,
    character      TEXT NOT NULL,
    engine_version TEXT NOT NULL,
    score          REAL NOT NULL CHECK (score >= 0 AND score <= 100),
    band           TEXT NOT NULL,
    view           TEXT NOT NULL,
    payload        TEXT NOT NULL,
    path           TEXT NOT NULL,
    scored_at_ms   INTEGER NOT NULL,
    PRIMARY KEY (shot, variant, frame, character)
) WITHOUT ROWID;

-- Rescan invalidation deletes by file path.
CREATE INDEX frame_score_by_path ON frame_score(path);

-- The cast a shot was last scored against: as listed in project.json, or proposed from the best matches.
CREATE TABLE shot_cast (
    shot           TEXT PRIMARY KEY,
    characters     TEXT NOT NULL,
    proposed       INTEGER NOT NULL CHECK (proposed IN (0, 1)),
    engine_version TEXT NOT NULL,
    recorded_at_ms INTEGER NOT NULL
);
