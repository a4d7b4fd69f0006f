-- Named video-wall layouts: a grid and what each of its tiles shows (a camera or a tour of cameras), kept per user
-- and, when shared, opened by everyone who may watch live. Who may see which camera is decided when a layout is
-- opened, so the JSON keeps the owner's camera ids as they were saved.
CREATE TABLE wall_layout (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    owner      text        NOT NULL,
    name       text        NOT NULL CHECK (length(btrim(name)) > 0),
    shared     boolean     NOT NULL DEFAULT false,
    layout     jsonb       NOT NULL,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL
);

CREATE UNIQUE INDEX wall_layout_owner_name ON wall_layout (owner, lower(name));
CREATE INDEX wall_layout_shared ON wall_layout (name) WHERE shared;
