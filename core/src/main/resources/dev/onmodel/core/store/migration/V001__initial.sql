-- OnModel review store, schema 1. A shipped migration is never edited: changes go in a new numbered file.

-- Project structure as last imported. Rebuilt by every import/rescan; decisions do not reference these rows
-- (they name shot and variant), so a rescan can never take a decision with it.
CREATE TABLE project_meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE character (
    name     TEXT PRIMARY KEY,
    position INTEGER NOT NULL
);

CREATE TABLE sheet_view (
    character TEXT NOT NULL REFERENCES character(name) ON DELETE CASCADE,
    name      TEXT NOT NULL,
    path      TEXT NOT NULL,
    size      INTEGER NOT NULL,
    mtime_ms  INTEGER NOT NULL,
    digest    TEXT NOT NULL,
    PRIMARY KEY (character, name)
);

CREATE TABLE shot (
    name       TEXT PRIMARY KEY,
    position   INTEGER NOT NULL,
    rate       TEXT NOT NULL,
    cut_length INTEGER NOT NULL,
    cast_list  TEXT NOT NULL
);

CREATE TABLE variant (
    shot          TEXT NOT NULL REFERENCES shot(name) ON DELETE CASCADE,
    name          TEXT NOT NULL,
    kind          TEXT NOT NULL CHECK (kind IN ('sequence', 'movie')),
    location      TEXT NOT NULL,
    prefix        TEXT,
    separator     TEXT,
    padding       INTEGER,
    extension     TEXT,
    first_frame   INTEGER NOT NULL,
    frame_count   INTEGER NOT NULL,
    rate          TEXT,
    width         INTEGER,
    height        INTEGER,
    variable_rate INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (shot, name)
);

CREATE TABLE frame (
    shot     TEXT NOT NULL,
    variant  TEXT NOT NULL,
    frame    INTEGER NOT NULL,
    path     TEXT NOT NULL,
    size     INTEGER NOT NULL,
    mtime_ms INTEGER NOT NULL,
    digest   TEXT NOT NULL,
    width    INTEGER,
    height   INTEGER,
    problem  TEXT,
    PRIMARY KEY (shot, variant, frame),
    FOREIGN KEY (shot, variant) REFERENCES variant(shot, name) ON DELETE CASCADE
) WITHOUT ROWID;

CREATE TABLE review_pass (
    name         TEXT PRIMARY KEY,
    opened_at_ms INTEGER NOT NULL,
    closed_at_ms INTEGER
);

-- The decision log: append-only (triggers below). The verdict a frame shows is a query over it.
CREATE TABLE decision (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    action         TEXT NOT NULL CHECK (action IN ('set', 'clear', 'undo', 'redo')),
    target_id      INTEGER REFERENCES decision(id),
    shot           TEXT NOT NULL,
    variant        TEXT NOT NULL,
    first_frame    INTEGER NOT NULL,
    end_frame      INTEGER NOT NULL,
    verdict        TEXT CHECK (verdict IN ('approve', 'reject', 'rework')),
    note           TEXT NOT NULL,
    reviewer       TEXT NOT NULL,
    role           TEXT NOT NULL,
    pass           TEXT NOT NULL REFERENCES review_pass(name),
    recorded_at_ms INTEGER NOT NULL,
    CHECK (end_frame > first_frame),
    CHECK ((action = 'set') = (verdict IS NOT NULL)),
    CHECK ((action IN ('undo', 'redo')) = (target_id IS NOT NULL))
);

CREATE INDEX decision_by_variant ON decision(shot, variant, first_frame);
CREATE INDEX decision_by_pass ON decision(pass);
CREATE INDEX decision_by_target ON decision(target_id);

CREATE TRIGGER decision_is_never_updated BEFORE UPDATE ON decision
BEGIN
    SELECT RAISE(ABORT, 'decisions are append-only: a recorded decision is never changed');
END;

CREATE TRIGGER decision_is_never_deleted BEFORE DELETE ON decision
BEGIN
    SELECT RAISE(ABORT, 'decisions are append-only: a recorded decision is never deleted');
END;

-- Hero variant and approved range per shot: append-only too, the latest row per shot is in force.
CREATE TABLE hero_choice (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    shot           TEXT NOT NULL,
    variant        TEXT NOT NULL,
    first_frame    INTEGER NOT NULL,
    end_frame      INTEGER NOT NULL,
    chosen_by      TEXT NOT NULL,
    note           TEXT NOT NULL,
    recorded_at_ms INTEGER NOT NULL,
    CHECK (end_frame > first_frame)
);

CREATE INDEX hero_choice_by_shot ON hero_choice(shot, id);

CREATE TRIGGER hero_choice_is_never_updated BEFORE UPDATE ON hero_choice
BEGIN
    SELECT RAISE(ABORT, 'hero choices are append-only: a recorded choice is never changed');
END;

CREATE TRIGGER hero_choice_is_never_deleted BEFORE DELETE ON hero_choice
BEGIN
    SELECT RAISE(ABORT, 'hero choices are append-only: a recorded choice is never deleted');
END;

-- Results of analyses (consistency scores, hashes) keyed by file identity and engine version. A cache: rows
-- are replaced and deleted freely; losing it costs only recomputation.
CREATE TABLE analysis_cache (
    path           TEXT NOT NULL,
    engine_version TEXT NOT NULL,
    size           INTEGER NOT NULL,
    mtime_ms       INTEGER NOT NULL,
    digest         TEXT NOT NULL,
    payload        TEXT NOT NULL,
    stored_at_ms   INTEGER NOT NULL,
    PRIMARY KEY (path, engine_version)
) WITHOUT ROWID;
