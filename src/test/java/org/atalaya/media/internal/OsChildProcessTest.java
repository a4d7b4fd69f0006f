package org.atalaya.media.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.atalaya.media.ChildProcess;
import org.atalaya.media.MediaProperties;
import org.atalaya.media.StopResult;
import org.atalaya.media.StopResult.Step;
import org.junit.jupiter.api.Test;

/** Real child processes (POSIX shell), stopped through the same sequence as ffmpeg. */
class OsChildProcessTest {

    private static final Duration SHORT_GRACE = Duration.ofMillis(300);

    private final OsProcessLauncher launcher = new OsProcessLauncher(new MediaProperties(null, null, null, null, null,
            SHORT_GRACE, SHORT_GRACE, 5, null));

    @Test
    void aProcessReadingItsInputQuitsOnQ() throws IOException {
        ChildProcess process = launcher.start("quitter", List.of("sh", "-c", "read line; echo \"got $line\" >&2"));

        StopResult result = process.stop();

        assertThat(result).isEqualTo(new StopResult(Step.QUIT, 0));
        assertThat(process.recentErrorLines()).containsExactly("got q");
        assertThat(process.stop()).as("a second stop reports the same end").isEqualTo(result);
    }

    @Test
    void aProcessThatIgnoresQIsTerminated() throws IOException {
        ChildProcess process = launcher.start("stubborn", List.of("sh", "-c", "cat > /dev/null; exec sleep 600"));

        assertThat(process.stop()).isEqualTo(new StopResult(Step.TERMINATED, 143));
    }

    @Test
    void aProcessThatIgnoresSigtermIsKilled() throws IOException {
        ChildProcess process = launcher.start("deaf",
                List.of("sh", "-c", "trap '' TERM; cat > /dev/null; exec sleep 600"));

        assertThat(process.stop()).isEqualTo(new StopResult(Step.KILLED, 137));
    }

    @Test
    void marksTheProcessWithItsOwnerAndKey() throws IOException {
        ChildProcess process = launcher.start("camera 7", List.of("sh", "-c", "echo \"$ATALAYA_MEDIA_OWNER\""));

        String output = new String(process.output().readAllBytes(), StandardCharsets.UTF_8).strip();

        assertThat(output).isEqualTo(ProcessHandle.current().pid() + ":camera 7");
        assertThat(process.stop().step()).isIn(Step.ALREADY_ENDED, Step.QUIT);
    }

    @Test
    void keepsTheLastErrorLinesWithoutPasswords() throws IOException {
        ChildProcess process = launcher.start("talker", List.of("sh", "-c",
                "for i in 1 2 3 4 5 6; do echo \"line $i\" >&2; done; "
                        + "echo 'Error opening input file rtsp://admin:hunter2@10.0.0.5/stream.' >&2; exit 1"));
        process.output().readAllBytes();

        assertThat(process.stop().exitCode()).isEqualTo(1);
        assertThat(process.recentErrorLines()).containsExactly("line 3", "line 4", "line 5", "line 6",
                "Error opening input file rtsp://***@10.0.0.5/stream.");
    }
}
