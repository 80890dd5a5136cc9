-- eventwire store schema, version 1. The single source of the database layout.
-- Every row of an article carries article_id; writing an article replaces all its rows,
-- so running the same input twice leaves the database unchanged.

CREATE TABLE IF NOT EXISTS meta (
    key VARCHAR PRIMARY KEY,
    value VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS articles (
    id VARCHAR PRIMARY KEY,
    origin VARCHAR,
    line INTEGER,
    source VARCHAR,
    url VARCHAR,
    title VARCHAR,
    published DATE,
    published_from VARCHAR,
    text VARCHAR NOT NULL,
    paragraphs JSON,
    model VARCHAR,
    is_duplicate BOOLEAN NOT NULL,
    duplicate_of VARCHAR,
    record JSON NOT NULL
);

CREATE TABLE IF NOT EXISTS rejections (
    id VARCHAR PRIMARY KEY,
    origin VARCHAR NOT NULL,
    line INTEGER,
    code VARCHAR NOT NULL,
    message VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS duplicates (
    article_id VARCHAR NOT NULL,
    start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL,
    of_start INTEGER,
    of_end INTEGER,
    kind VARCHAR NOT NULL,
    similarity DOUBLE NOT NULL,
    scope VARCHAR NOT NULL,
    of_article VARCHAR,
    PRIMARY KEY (article_id, start_char, end_char, scope)
);

CREATE TABLE IF NOT EXISTS entities (
    id VARCHAR PRIMARY KEY,
    article_id VARCHAR NOT NULL,
    name VARCHAR NOT NULL,
    type VARCHAR NOT NULL,
    country VARCHAR,
    org VARCHAR,
    role VARCHAR,
    cameo VARCHAR,
    kb_id VARCHAR,
    evidence VARCHAR  -- schema version 5: the rule or table row that gave the actor codes ("kb:org", ...)
);

CREATE TABLE IF NOT EXISTS mentions (
    entity_id VARCHAR NOT NULL,
    article_id VARCHAR NOT NULL,
    start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL,
    text VARCHAR NOT NULL,
    PRIMARY KEY (entity_id, start_char, end_char)
);

CREATE TABLE IF NOT EXISTS quotes (
    id VARCHAR PRIMARY KEY,
    article_id VARCHAR NOT NULL,
    start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL,
    text VARCHAR NOT NULL,
    kind VARCHAR NOT NULL,
    speaker VARCHAR,
    speaker_name VARCHAR,
    cue VARCHAR,
    cue_start INTEGER,
    cue_end INTEGER,
    repeat_of VARCHAR
);

CREATE TABLE IF NOT EXISTS times (
    id VARCHAR PRIMARY KEY,
    article_id VARCHAR NOT NULL,
    start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL,
    text VARCHAR NOT NULL,
    type VARCHAR NOT NULL,
    value VARCHAR,
    anchor VARCHAR
);

CREATE TABLE IF NOT EXISTS places (
    id VARCHAR PRIMARY KEY,
    article_id VARCHAR NOT NULL,
    start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL,
    text VARCHAR NOT NULL,
    geonameid BIGINT,
    name VARCHAR,
    country VARCHAR,
    lat DOUBLE,
    lon DOUBLE,
    feature VARCHAR,
    reason VARCHAR
);

CREATE TABLE IF NOT EXISTS events (
    id VARCHAR PRIMARY KEY,
    article_id VARCHAR NOT NULL,
    source_entity VARCHAR,
    source_name VARCHAR,
    source_country VARCHAR,
    source_org VARCHAR,
    source_cameo VARCHAR,
    target_entity VARCHAR,
    target_name VARCHAR,
    target_country VARCHAR,
    target_org VARCHAR,
    target_cameo VARCHAR,
    cameo VARCHAR NOT NULL,
    root VARCHAR NOT NULL,
    quad_class INTEGER NOT NULL,
    goldstein DOUBLE NOT NULL,
    plover VARCHAR,
    event_date VARCHAR,
    place_id VARCHAR,
    modality VARCHAR NOT NULL,
    quote_id VARCHAR,
    sentence_start INTEGER NOT NULL,
    sentence_end INTEGER NOT NULL,
    trigger_start INTEGER NOT NULL,
    trigger_end INTEGER NOT NULL,
    confidence DOUBLE NOT NULL,
    rule VARCHAR,
    claimed_by_quote VARCHAR,
    claimed_by_speaker VARCHAR,
    claimed_by_name VARCHAR,
    disputed BOOLEAN NOT NULL DEFAULT FALSE,
    disputed_by_speaker VARCHAR,
    disputed_by_name VARCHAR,
    time_precision VARCHAR,
    date_source VARCHAR,
    geo_precision INTEGER,
    place_source VARCHAR,
    magnitudes JSON
);

CREATE TABLE IF NOT EXISTS problems (
    id VARCHAR PRIMARY KEY,
    article_id VARCHAR NOT NULL,
    code VARCHAR NOT NULL,
    stage VARCHAR NOT NULL,
    message VARCHAR NOT NULL,
    start_char INTEGER,
    end_char INTEGER
);

-- The text of each event's sentence and trigger (for text search without reading whole articles).
CREATE TABLE IF NOT EXISTS event_texts (
    event_id VARCHAR PRIMARY KEY,
    article_id VARCHAR NOT NULL,
    sentence VARCHAR NOT NULL,
    trigger VARCHAR NOT NULL
);

-- Cross-article merging (eventwire merge, src/eventwire/merge.py): rebuilt as a whole, deterministically.
CREATE TABLE IF NOT EXISTS merged_events (
    id VARCHAR PRIMARY KEY,
    first_event VARCHAR NOT NULL,
    source_key VARCHAR NOT NULL,
    target_key VARCHAR NOT NULL,
    root VARCHAR NOT NULL,
    cameo VARCHAR NOT NULL,
    event_date VARCHAR,
    place_id VARCHAR,
    num_mentions INTEGER NOT NULL,
    num_sources INTEGER NOT NULL,
    num_articles INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS event_merges (
    event_id VARCHAR PRIMARY KEY,
    merged_id VARCHAR NOT NULL
);

CREATE INDEX IF NOT EXISTS events_article ON events (article_id);

-- The article duplicate index (store/index.py): every analysed article's exact fingerprint, its verdict
-- (duplicate_of/kind/similarity, NULL for an original) and its MinHash LSH band keys, so that a repeat
-- arriving in a later run is flagged too, and a resumed run reaches the same verdicts.
CREATE TABLE IF NOT EXISTS article_index (
    article_id VARCHAR PRIMARY KEY,
    fingerprint VARCHAR NOT NULL,
    duplicate_of VARCHAR,
    kind VARCHAR,
    similarity DOUBLE
);

CREATE TABLE IF NOT EXISTS article_bands (
    band VARCHAR NOT NULL,
    article_id VARCHAR NOT NULL
);

-- Chunks of a sharded run (store/shards.py) already loaded, with their part of the run summary.
CREATE TABLE IF NOT EXISTS loaded_shards (
    name VARCHAR PRIMARY KEY,
    summary JSON NOT NULL
);

CREATE INDEX IF NOT EXISTS article_index_fingerprint ON article_index (fingerprint);
CREATE INDEX IF NOT EXISTS article_bands_band ON article_bands (band);

-- Text search (query.py, EventFilter.text), schema version 4: the words of each event's sentence and of its
-- quote, lower-cased and split at every character that is not a letter, digit or underscore (a query word,
-- made of such characters only, is then inside a text exactly when it is inside one of its words). Derived
-- from event_texts and quotes by the store (store/duckdb.py fill_words), never written directly; kept sorted
-- by word (sort_words) so that the postings of one word are read from a few row groups (zone maps).
CREATE TABLE IF NOT EXISTS event_words (
    word VARCHAR NOT NULL,
    event_id VARCHAR NOT NULL,
    article_id VARCHAR NOT NULL
);

-- Every word of event_words, once: query words are matched against this short list first. Words are
-- never removed (a word whose articles were rewritten just has no postings left).
CREATE TABLE IF NOT EXISTS words (
    word VARCHAR PRIMARY KEY
);

-- The physical layout of event_words, not content (so not compared by the re-run tests): how many rows were
-- appended since the table was last sorted by word (key 'unsorted').
CREATE TABLE IF NOT EXISTS word_layout (
    key VARCHAR PRIMARY KEY,
    value BIGINT NOT NULL
);
