-- The kind of a camera's problem (a StreamProblem name such as UNREACHABLE), so the console can word it in the
-- reader's language; the problem text next to it keeps the evidence (ffmpeg's own line) as it was.
ALTER TABLE camera_status ADD COLUMN problem_kind TEXT CHECK (length(problem_kind) <= 40);
