package org.atalaya.camera.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.atalaya.camera.CameraProperties;
import org.atalaya.media.ChildProcess;
import org.atalaya.media.FfmpegBinaries;
import org.atalaya.media.MediaUnavailableException;
import org.atalaya.media.PipeReaders;
import org.atalaya.media.ProcessLauncher;
import org.atalaya.media.StreamProblem;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Asks ffprobe what a camera's main stream carries. The credentials reach ffprobe in a one-entry concat list in a
 * private file (ADR 16), never on its command line; the file is deleted when ffprobe has ended.
 */
@Component
class CameraProbe {

    private static final Set<String> RECORDABLE_CODECS = Set.of("h264", "hevc");
    private static final int MAX_REPORT_BYTES = 256 * 1024;

    private final FfmpegBinaries binaries;
    private final ProcessLauncher launcher;
    private final CameraProperties properties;
    private final CameraInputLists lists;
    private final JsonMapper json = JsonMapper.builder().build();

    CameraProbe(FfmpegBinaries binaries, ProcessLauncher launcher, CameraProperties properties,
                CameraInputLists lists) {
        this.binaries = binaries;
        this.launcher = launcher;
        this.properties = properties;
        this.lists = lists;
    }

    ProbeResult probe(Camera camera, Optional<String> password) {
        if (SyntheticSource.of(camera.mainUrl()).isPresent()) return SyntheticSource.probeResult();
        Path list;
        try {
            list = lists.write(camera, camera.mainUrl(), password.orElse(null), properties.probeTimeout().multipliedBy(2));
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the probe list for camera " + camera.id(), e);
        }
        try {
            return run(camera, list);
        } finally {
            try {
                Files.deleteIfExists(list);
            } catch (IOException e) {
                throw new UncheckedIOException("could not delete the probe list " + list, e);
            }
        }
    }

    private ProbeResult run(Camera camera, Path list) {
        ChildProcess ffprobe;
        try {
            List<String> command = new ArrayList<>(List.of(binaries.ffprobe().toString(), "-hide_banner", "-v",
                    "error"));
            command.addAll(CameraInputLists.inputArguments(list));
            command.addAll(List.of(
                    "-show_entries", "stream=codec_type,codec_name,width,height,avg_frame_rate,r_frame_rate,bit_rate"
                            + ":format=bit_rate",
                    "-of", "json"));
            ffprobe = launcher.start("probe camera " + camera.id(), command);
        } catch (IOException | MediaUnavailableException e) {
            return ProbeResult.failed(StreamProblem.CANNOT_START, ProbeFailures.explain(StreamProblem.CANNOT_START));
        }
        byte[] report;
        try (var reader = PipeReaders.perTask("probe-output-")) {
            CompletableFuture<byte[]> output = CompletableFuture.supplyAsync(() -> readAll(ffprobe.output()), reader);
            try {
                report = output.get(properties.probeTimeout().toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                ffprobe.stop();
                return ProbeResult.failed(StreamProblem.TIMED_OUT, ProbeFailures.explain(StreamProblem.TIMED_OUT));
            } catch (ExecutionException e) {
                ffprobe.stop();
                return ProbeResult.failed(StreamProblem.ENDED, ProbeFailures.explain(StreamProblem.ENDED));
            } catch (InterruptedException e) {
                ffprobe.stop();
                Thread.currentThread().interrupt();
                return ProbeResult.failed(StreamProblem.ENDED, ProbeFailures.explain(StreamProblem.ENDED));
            }
        }
        int exitCode = ffprobe.stop().exitCode();
        if (exitCode != 0) {
            StreamProblem problem = ProbeFailures.classify(ffprobe.recentErrorLines());
            return ProbeResult.failed(problem, ProbeFailures.explain(problem));
        }
        return describe(report);
    }

    private ProbeResult describe(byte[] report) {
        JsonNode root;
        try {
            root = json.readTree(report);
        } catch (JacksonException e) {
            return ProbeResult.failed(StreamProblem.ENDED, ProbeFailures.explain(StreamProblem.ENDED));
        }
        for (JsonNode stream : root.path("streams")) {
            if (!stream.path("codec_type").asString("").equals("video")) continue;
            String codec = stream.path("codec_name").asString("");
            if (!RECORDABLE_CODECS.contains(codec)) {
                return ProbeResult.failed(StreamProblem.UNSUPPORTED_STREAM, "The camera sends "
                        + (codec.isEmpty() ? "video in an unknown codec" : codec)
                        + " video; H.264 or H.265 is needed (unsupported codec).");
            }
            Long bitrate = number(stream.path("bit_rate")).or(() -> number(root.path("format").path("bit_rate")))
                    .orElse(null);
            Double fps = rate(stream.path("avg_frame_rate").asString(""))
                    .or(() -> rate(stream.path("r_frame_rate").asString(""))).orElse(null);
            return ProbeResult.found(codec, stream.path("width").asInt(0), stream.path("height").asInt(0), fps,
                    bitrate);
        }
        return ProbeResult.failed(StreamProblem.UNSUPPORTED_STREAM,
                "The camera answered without a video stream (unsupported stream).");
    }

    private static byte[] readAll(InputStream output) {
        try (output) {
            return output.readNBytes(MAX_REPORT_BYTES);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<Long> number(JsonNode node) {
        try {
            return node.isMissingNode() || node.isNull() ? Optional.empty() : Optional.of(Long.parseLong(node.asString()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<Double> rate(String fraction) {
        String[] parts = fraction.split("/");
        try {
            double numerator = Double.parseDouble(parts[0]);
            double denominator = parts.length > 1 ? Double.parseDouble(parts[1]) : 1;
            return numerator > 0 && denominator > 0 ? Optional.of(numerator / denominator) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
