-- Whether a camera's video is analysed for motion and tampering: its stream process then also decodes small gray
-- frames. Off until someone turns it on for the camera.

ALTER TABLE cameras ADD COLUMN analysed BOOLEAN NOT NULL DEFAULT FALSE;
