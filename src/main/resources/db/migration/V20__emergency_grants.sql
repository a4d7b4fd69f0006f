-- Emergency services: who sees the response-time KPIs, and the dispatcher's look back at the cameras around an
-- incident from the time of the call (always with the incident number as the case).
INSERT INTO role_grants (role_id, permission)
SELECT r.id, g.permission
FROM roles r
JOIN (VALUES
  ('supervisor', 'RESPONSE_KPI_VIEW'), ('call-taker', 'RESPONSE_KPI_VIEW'), ('dispatcher', 'RESPONSE_KPI_VIEW'),
  ('auditor', 'RESPONSE_KPI_VIEW'), ('dispatcher', 'PLAYBACK_VIEW')
) AS g (role, permission) ON g.role = r.name
ON CONFLICT DO NOTHING;
