package org.atalaya.recording;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.atalaya.camera.CameraInput;
import org.atalaya.camera.CameraStreamProcesses;
import org.atalaya.media.FragmentedMp4Reader;
import org.atalaya.media.MediaProperties;
import org.atalaya.media.Mp4Fragment;
import org.atalaya.media.Mp4InitSegment;
import org.atalaya.media.ProcessSupervisor;
import org.atalaya.media.SupervisionStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Records cameras: one supervised ffmpeg per camera whose fragmented MP4 output is cut into segment files. When a run
 * ends (camera lost, no output, stop) its open segment is closed and indexed; when the next run delivers its first
 * fragment, the time in between is recorded as a {@link RecordingGap} with the supervisor's explanation. Every
 * {@link StreamTap} sees the same stream, so live viewers need no second connection to the camera.
 */
@Component
public class CameraRecorder {

    private static final String KEY_PREFIX = "recording-";
    static final String STOPPED_REASON = "recording was stopped";

    private final ProcessSupervisor supervisor;
    private final CameraStreamProcesses processes;
    private final SegmentWriters writers;
    private final GapIndex gaps;
    private final MediaProperties media;
    private final SegmentIndex segments;
    private final List<StreamTap> taps;
    /** Where each camera's recording last ended, kept across stops so that a restart records the gap. */
    private final Map<Long, Instant> lastRecorded = new ConcurrentHashMap<>();

    @Autowired
    CameraRecorder(ProcessSupervisor supervisor, CameraStreamProcesses processes, SegmentWriters writers,
                   GapIndex gaps, SegmentIndex segments, MediaProperties media, List<StreamTap> taps) {
        this.segments = segments;
        this.supervisor = supervisor;
        this.processes = processes;
        this.writers = writers;
        this.gaps = gaps;
        this.media = media;
        this.taps = List.copyOf(taps);
    }

    /**
     * Starts recording a camera, keeping its ffmpeg running until {@link #stop}. The time since the camera's last
     * recorded segment, if any, becomes a gap when the first video arrives. While the camera is analysed, the same
     * ffmpeg also decodes its analytics frames.
     *
     * @param input opens the camera for each run, so that a restart picks up changed settings; each input is closed
     *              once its run delivers video, or when the run ends
     * @throws IllegalStateException if the camera is already being recorded
     */
    public void record(long cameraId, Supplier<CameraInput> input) {
        SegmentWriter writer = writers.forCamera(cameraId);
        segments.latestEnd(cameraId).ifPresent(end -> lastRecorded.putIfAbsent(cameraId, end));
        processes.superviseWithFrames(key(cameraId), cameraId, input,
                (output, videoArrived) -> recordRun(cameraId, writer, output, videoArrived));
    }

    /** Whether the camera is being recorded (or reconnecting), i.e. {@link #record} was called and not stopped. */
    public boolean isRecording(long cameraId) {
        return supervisor.status(key(cameraId)).filter(status -> status.state() != SupervisionStatus.State.STOPPED)
                .isPresent();
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
    private void recordRun(long cameraId, SegmentWriter writer, InputStream output, Runnable videoArrived)
            throws IOException {
        var reader = new FragmentedMp4Reader(output, media.maxBoxSize().toBytes());
        Mp4InitSegment init = reader.initSegment();
        writer.start(init);
        taps.forEach(tap -> tap.streamStarted(cameraId, init));
        boolean arrived = false;
        try {
            for (var next = reader.nextFragment(); next.isPresent(); next = reader.nextFragment()) {
                Mp4Fragment fragment = next.get();
                taps.forEach(tap -> tap.fragmentArrived(cameraId, fragment));
                writer.write(fragment);
                if (!arrived) {
                    arrived = true;
                    videoArrived.run();
                    recordGapBefore(cameraId, writer.streamStartedAt().orElseThrow());
                }
            }
        } finally {
            // the next run reads this only after this one has ended, so it is kept once rather than per fragment
            writer.streamEndedAt().ifPresent(end -> lastRecorded.put(cameraId, end));
            taps.forEach(tap -> tap.streamEnded(cameraId));
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

    private static String key(long cameraId) {
        return KEY_PREFIX + cameraId;
    }

    /** The camera a supervision key belongs to, if it is one of the recorder's. */
    static Optional<Long> cameraOf(String supervisionKey) {
        if (!supervisionKey.startsWith(KEY_PREFIX)) return Optional.empty();
        try {
            return Optional.of(Long.parseLong(supervisionKey.substring(KEY_PREFIX.length())));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
