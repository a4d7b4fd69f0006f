package org.atalaya.recording;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.atalaya.media.FfmpegBinaries;
import org.atalaya.media.FragmentedMp4Reader;
import org.atalaya.media.MediaProperties;
import org.atalaya.media.Mp4Fragment;
import org.atalaya.media.ProcessSupervisor;
import org.atalaya.media.SupervisionStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Records cameras: one supervised ffmpeg per camera whose fragmented MP4 output is cut into segment files. When a run
 * ends (camera lost, no output, stop) its open segment is closed and indexed; when the next run delivers its first
 * fragment, the time in between is recorded as a {@link RecordingGap} with the supervisor's explanation.
 */
@Component
public class CameraRecorder {

    static final String STOPPED_REASON = "recording was stopped";

    private final ProcessSupervisor supervisor;
    private final FfmpegBinaries binaries;
    private final SegmentWriters writers;
    private final GapIndex gaps;
    private final long maxBoxSize;
    private final Clock clock;
    /** Where each camera's recording last ended, kept across stops so that a restart records the gap. */
    private final Map<Long, Instant> lastRecorded = new ConcurrentHashMap<>();

    @Autowired
    CameraRecorder(ProcessSupervisor supervisor, FfmpegBinaries binaries, SegmentWriters writers, GapIndex gaps,
                   MediaProperties media, Clock clock) {
        this.supervisor = supervisor;
        this.binaries = binaries;
        this.writers = writers;
        this.gaps = gaps;
        this.maxBoxSize = media.maxBoxSize().toBytes();
        this.clock = clock;
    }

    /**
     * Starts recording a camera, keeping its ffmpeg running until {@link #stop}.
     *
     * @param ffmpegArguments gives ffmpeg's arguments (without the program) for each run, so that a restart picks up
     *                        changed settings; see {@link RecordingArguments#withStandardOutput}
     * @throws IllegalStateException if the camera is already being recorded
     */
    public void record(long cameraId, Supplier<List<String>> ffmpegArguments) {
        SegmentWriter writer = writers.forCamera(cameraId);
        supervisor.supervise(key(cameraId), () -> command(ffmpegArguments.get()),
                output -> recordRun(cameraId, writer, output));
    }

    /** Stops recording a camera; its open segment is closed and indexed. Does nothing if it is not recorded. */
    public void stop(long cameraId) {
        supervisor.stop(key(cameraId));
    }

    public RecordingStatus status(long cameraId) {
        Optional<SupervisionStatus> supervision = supervisor.status(key(cameraId));
        if (supervision.isEmpty()) return new RecordingStatus(cameraId, RecordingStatus.State.STOPPED, null, null);
        SupervisionStatus status = supervision.get();
        return switch (status.state()) {
            case STOPPED -> new RecordingStatus(cameraId, RecordingStatus.State.STOPPED, status.since(), null);
            case RUNNING -> new RecordingStatus(cameraId, RecordingStatus.State.RECORDING, status.since(), null);
            case STARTING, WAITING_TO_RESTART -> status.consecutiveFailures() == 0 || status.lastFailure() == null
                    ? new RecordingStatus(cameraId, RecordingStatus.State.RECORDING, status.since(), null)
                    : new RecordingStatus(cameraId, RecordingStatus.State.RECONNECTING, status.since(),
                            status.lastFailure().describe());
        };
    }

    /** Reads one run of ffmpeg until it ends, then closes its open segment so that it is indexed. */
    private void recordRun(long cameraId, SegmentWriter writer, InputStream output) throws IOException {
        var reader = new FragmentedMp4Reader(output, maxBoxSize);
        writer.start(reader.initSegment());
        Instant wallClockAnchor = null;
        Mp4Fragment first = null;
        Mp4Fragment lastWritten = null;
        try {
            for (var next = reader.nextFragment(); next.isPresent(); next = reader.nextFragment()) {
                Mp4Fragment fragment = next.get();
                if (first == null) {
                    first = fragment;
                    wallClockAnchor = clock.instant();
                    recordGapBefore(cameraId, wallClockAnchor);
                }
                writer.write(fragment);
                lastWritten = fragment;
            }
        } finally {
            // the next run reads this only after this one has ended, so it is kept once rather than per fragment
            if (lastWritten != null) {
                Duration played = lastWritten.start().plus(lastWritten.length()).minus(first.start());
                lastRecorded.put(cameraId, wallClockAnchor.plus(played));
            }
            writer.close();
        }
    }

    private void recordGapBefore(long cameraId, Instant resumedAt) {
        Instant lastEnd = lastRecorded.get(cameraId);
        if (lastEnd == null) return;
        String reason = supervisor.status(key(cameraId))
                .map(SupervisionStatus::lastFailure)
                .map(SupervisionStatus.Failure::describe)
                .orElse(STOPPED_REASON);
        Instant end = resumedAt.isBefore(lastEnd) ? lastEnd : resumedAt;
        gaps.add(new RecordingGap(cameraId, lastEnd, end, reason));
    }

    private List<String> command(List<String> ffmpegArguments) {
        List<String> command = new ArrayList<>(List.of(binaries.ffmpeg().toString(), "-hide_banner", "-nostats",
                "-loglevel", "warning"));
        command.addAll(ffmpegArguments);
        return command;
    }

    private static String key(long cameraId) {
        return "recording-" + cameraId;
    }
}
