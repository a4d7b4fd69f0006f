package org.atalaya.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Asks ffprobe what a media file contains. */
public final class MediaProbe {

    private static final int MAX_REPORT_BYTES = 1024 * 1024;

    private final FfmpegBinaries binaries;
    private final ProcessLauncher launcher;
    private final JsonMapper json = JsonMapper.builder().build();

    public MediaProbe(FfmpegBinaries binaries, ProcessLauncher launcher) {
        this.binaries = binaries;
        this.launcher = launcher;
    }

    /** @throws IOException if ffprobe cannot read the file; the message carries ffprobe's own explanation */
    public MediaInfo probe(Path file) throws IOException {
        List<String> command = List.of(binaries.ffprobe().toString(), "-hide_banner", "-v", "error",
                "-show_entries", "format=format_name,duration:stream=index,codec_type,codec_name,profile,width,height",
                "-of", "json",
                // the file: prefix keeps a file name such as "rtsp:x" from being taken for a protocol
                "file:" + file.toAbsolutePath());
        ChildProcess ffprobe = launcher.start("probe", command);
        byte[] report;
        try (InputStream output = ffprobe.output()) {
            report = output.readNBytes(MAX_REPORT_BYTES);
        } catch (IOException e) {
            ffprobe.stop();
            throw e;
        }
        StopResult end = ffprobe.stop();
        if (end.exitCode() != 0) {
            List<String> errors = ffprobe.recentErrorLines();
            throw new IOException("ffprobe could not read " + file.getFileName() + ": "
                    + (errors.isEmpty() ? "exit code " + end.exitCode() : errors.getLast()));
        }
        try {
            return describe(json.readTree(report));
        } catch (JacksonException e) {
            throw new IOException("ffprobe's report on " + file.getFileName() + " is not readable JSON", e);
        }
    }

    private static MediaInfo describe(JsonNode report) {
        List<MediaInfo.Stream> streams = new ArrayList<>();
        for (JsonNode stream : report.path("streams")) {
            streams.add(new MediaInfo.Stream(stream.path("index").asInt(0), stream.path("codec_type").asString(""),
                    stream.path("codec_name").asString(""), stream.path("profile").asString(""),
                    stream.path("width").asInt(0), stream.path("height").asInt(0)));
        }
        JsonNode format = report.path("format");
        double seconds = format.path("duration").asDouble(0);
        return new MediaInfo(format.path("format_name").asString(""),
                Duration.ofNanos(Math.round(seconds * 1_000_000_000d)), streams);
    }
}
