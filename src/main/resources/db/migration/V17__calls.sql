-- Calls to the emergency centre: over SIP (with the network's time stamps and the caller's location) or typed in by
-- the call-taker for a call that came by ordinary phone. A call is ringing until answered or ended; it belongs to the
-- incident it opened or was added to.
CREATE TABLE calls (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    channel          text NOT NULL CHECK (channel IN ('SIP', 'MANUAL')),
    sip_call_id      text UNIQUE,
    caller_uri       text,
    caller_number    text,
    caller_name      text,
    latitude         double precision,
    longitude        double precision,
    radius_m         double precision,
    civic_address    text,
    location_problem text,
    offered_at       timestamptz NOT NULL,
    answered_at      timestamptz,
    answered_by      text,
    ended_at         timestamptz,
    incident_id      bigint REFERENCES incidents (id),
    notes            text,
    CHECK ((channel = 'SIP') = (sip_call_id IS NOT NULL)),
    CHECK ((latitude IS NULL) = (longitude IS NULL))
);

CREATE INDEX calls_offered_at ON calls (offered_at);
CREATE INDEX calls_incident ON calls (incident_id) WHERE incident_id IS NOT NULL;
-- the queue: calls still ringing or going on
CREATE INDEX calls_open ON calls (offered_at) WHERE ended_at IS NULL;
