-- Unit tracking: which device reports for which unit, and the units' positions. Positions of staff are personal
-- data kept for a limited time: the table is partitioned by day of the fix (UTC) so that retention drops whole days.
-- The application role may not create or drop tables; it calls two SECURITY DEFINER functions owned by the role
-- that runs the migrations, which can do nothing but prepare and drop this table's daily partitions (ADR 0020).
CREATE TABLE tracked_devices (
    device_id     text        PRIMARY KEY CHECK (length(device_id) BETWEEN 1 AND 128),
    unit_id       bigint      NOT NULL REFERENCES units (id) ON DELETE CASCADE,
    registered_at timestamptz NOT NULL,
    registered_by text        NOT NULL
);

CREATE INDEX tracked_devices_unit ON tracked_devices (unit_id);

CREATE TABLE unit_positions (
    unit_id     bigint           NOT NULL,
    device_id   text,
    fixed_at    timestamptz      NOT NULL,
    received_at timestamptz      NOT NULL,
    latitude    double precision NOT NULL CHECK (latitude BETWEEN -90 AND 90),
    longitude   double precision NOT NULL CHECK (longitude BETWEEN -180 AND 180),
    speed_mps   real,
    heading_deg real,
    altitude_m  real,
    accuracy_m  real,
    hdop        real,
    battery_pct real,
    valid       boolean          NOT NULL,
    source      text             NOT NULL CHECK (source IN ('OSMAND', 'RESPONDER_PAGE'))
) PARTITION BY RANGE (fixed_at);

CREATE INDEX unit_positions_unit_time ON unit_positions (unit_id, fixed_at);

-- Fixes outside every daily partition (a clock far off, a fix older than the oldest day kept) land here; the
-- retention function deletes its old rows, and a day created later takes its rows over.
CREATE TABLE unit_positions_default PARTITION OF unit_positions DEFAULT;

-- Positions are measurements: the application adds them and never changes them; only retention removes them.
REVOKE UPDATE, DELETE ON unit_positions, unit_positions_default FROM ${app_role};

-- Creates the daily partitions of [first_day, first_day + days) that do not exist yet; returns how many it created.
CREATE FUNCTION tracking_prepare_partitions(first_day date, days integer) RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp SET TimeZone = 'UTC'
AS $$
DECLARE
    the_day   date;
    part_name text;
    created   integer := 0;
BEGIN
    IF days < 1 OR days > 366 THEN
        RAISE EXCEPTION 'days must be between 1 and 366, not %', days;
    END IF;
    FOR offset_days IN 0 .. days - 1 LOOP
        the_day := first_day + offset_days;
        part_name := 'unit_positions_' || to_char(the_day, 'YYYYMMDD');
        CONTINUE WHEN to_regclass(part_name) IS NOT NULL;
        IF EXISTS (SELECT 1 FROM unit_positions_default WHERE fixed_at >= the_day AND fixed_at < the_day + 1) THEN
            -- The default partition holds fixes of this day: move them into the new day before attaching it.
            EXECUTE format('CREATE TABLE %I (LIKE unit_positions INCLUDING DEFAULTS INCLUDING CONSTRAINTS)', part_name);
            EXECUTE format('WITH moved AS (DELETE FROM unit_positions_default WHERE fixed_at >= %L AND fixed_at < %L '
                               || 'RETURNING *) INSERT INTO %I SELECT * FROM moved', the_day, the_day + 1, part_name);
            EXECUTE format('ALTER TABLE unit_positions ATTACH PARTITION %I FOR VALUES FROM (%L) TO (%L)',
                           part_name, the_day, the_day + 1);
        ELSE
            EXECUTE format('CREATE TABLE %I PARTITION OF unit_positions FOR VALUES FROM (%L) TO (%L)',
                           part_name, the_day, the_day + 1);
        END IF;
        -- A new table gets the default privileges of V1; positions are never changed, only dropped with their day.
        EXECUTE format('REVOKE UPDATE, DELETE ON %I FROM %I', part_name, '${app_role}');
        created := created + 1;
    END LOOP;
    RETURN created;
END
$$;

-- Drops the daily partitions of days before first_kept_day and deletes older rows from the default partition;
-- returns each day dropped with its number of rows (a null day for the rows deleted from the default partition).
CREATE FUNCTION tracking_drop_partitions_before(first_kept_day date)
    RETURNS TABLE (partition_day date, removed_rows bigint)
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp SET TimeZone = 'UTC'
AS $$
DECLARE
    part record;
BEGIN
    FOR part IN
        SELECT c.relname, to_date(substr(c.relname, 16), 'YYYYMMDD') AS day
        FROM pg_inherits i
        JOIN pg_class c ON c.oid = i.inhrelid
        WHERE i.inhparent = 'unit_positions'::regclass AND c.relname ~ '^unit_positions_[0-9]{8}$'
        ORDER BY 2
    LOOP
        CONTINUE WHEN part.day >= first_kept_day;
        EXECUTE format('SELECT count(*) FROM %I', part.relname) INTO removed_rows;
        EXECUTE format('DROP TABLE %I', part.relname);
        partition_day := part.day;
        RETURN NEXT;
    END LOOP;
    DELETE FROM unit_positions_default WHERE fixed_at < first_kept_day;
    GET DIAGNOSTICS removed_rows = ROW_COUNT;
    IF removed_rows > 0 THEN
        partition_day := NULL;
        RETURN NEXT;
    END IF;
END
$$;

REVOKE ALL ON FUNCTION tracking_prepare_partitions(date, integer), tracking_drop_partitions_before(date) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION tracking_prepare_partitions(date, integer), tracking_drop_partitions_before(date)
    TO ${app_role};

SELECT tracking_prepare_partitions((now() AT TIME ZONE 'UTC')::date, 4);
