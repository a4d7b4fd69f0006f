-- External alarm inputs: panic buttons and sensors that raise alarms through a webhook of their own or an MQTT
-- subscription. A webhook source keeps only the SHA-256 of its token (shown once); an MQTT source keeps its broker
-- password sealed with the secrets key. Camera ids are kept as given: a camera removed later is simply not linked.
CREATE TABLE alarm_source (
    id                   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name                 text             NOT NULL CHECK (length(btrim(name)) > 0),
    kind                 text             NOT NULL CHECK (kind IN ('webhook', 'mqtt')),
    alarm_type           text             NOT NULL REFERENCES alarm_type (code),
    enabled              boolean          NOT NULL DEFAULT true,
    latitude             double precision CHECK (latitude BETWEEN -90 AND 90),
    longitude            double precision CHECK (longitude BETWEEN -180 AND 180),
    camera_ids           bigint[]         NOT NULL DEFAULT '{}',
    webhook_token_sha256 bytea,
    mqtt_broker_url      text,
    mqtt_username        text,
    mqtt_password_sealed text,
    mqtt_topic_filter    text,
    mqtt_qos             smallint CHECK (mqtt_qos BETWEEN 0 AND 2),
    created_at           timestamptz      NOT NULL,
    created_by           text             NOT NULL,
    updated_at           timestamptz      NOT NULL,
    last_event_at        timestamptz,
    last_event_state     text CHECK (last_event_state IN ('active', 'cleared')),
    last_error_at        timestamptz,
    last_error           text,
    CHECK (kind <> 'webhook' OR webhook_token_sha256 IS NOT NULL),
    CHECK (kind <> 'mqtt' OR (mqtt_broker_url IS NOT NULL AND mqtt_topic_filter IS NOT NULL AND mqtt_qos IS NOT NULL))
);

CREATE UNIQUE INDEX alarm_source_name ON alarm_source (lower(name));
