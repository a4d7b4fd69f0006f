package org.atalaya.media.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.atalaya.media.ChildProcess;
import org.atalaya.media.MediaProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Leftovers are simulated the way a crash leaves them: a marked shell starts a long-running child in the background
 * and exits, so the child no longer descends from the server process its mark names.
 */
class LeftoverProcessReaperTest {

    /** A shell that leaves a long sleep running on its own and prints its pid. */
    private static final String BACKGROUND_SLEEP = "sleep 600 </dev/null >/dev/null 2>&1 & echo $!";

    private final MediaProperties properties = new MediaProperties(null, null, null, null, null, Duration.ofMillis(300),
            Duration.ofSeconds(2), 5, null);
    private final OsProcessLauncher launcher = new OsProcessLauncher(properties);
    private final LeftoverProcessReaper reaper = new LeftoverProcessReaper(properties);
    private ProcessHandle unmarkedOrphan;
    private ChildProcess ownChild;

    @AfterEach
    void cleanUp() {
        if (unmarkedOrphan != null) unmarkedOrphan.destroyForcibly();
        if (ownChild != null) ownChild.stop();
    }

    @Test
    void stopsMarkedProcessesWhoseOwnerIsGoneAndLeavesOthersAlone() throws Exception {
        ChildProcess markedShell = launcher.start("camera-3", List.of("sh", "-c", BACKGROUND_SLEEP));
        long leftover = firstLine(markedShell.output());
        markedShell.stop();
        Process unmarkedShell = new ProcessBuilder("sh", "-c", BACKGROUND_SLEEP).start();
        unmarkedOrphan = ProcessHandle.of(firstLine(unmarkedShell.getInputStream())).orElseThrow();
        unmarkedShell.waitFor();
        // the shell waits for cat, a marked grandchild of this live server
        ownChild = launcher.start("camera-4", List.of("sh", "-c", "cat > /dev/null; exit 0"));

        List<LeftoverProcessReaper.Leftover> reaped = reaper.reap();

        assertThat(reaped).contains(new LeftoverProcessReaper.Leftover(leftover, ProcessHandle.current().pid(),
                "camera-3"));
        assertThat(LeftoverProcessReaper.isRunning(leftover)).as("the leftover").isFalse();
        assertThat(LeftoverProcessReaper.isRunning(unmarkedOrphan.pid())).as("a process without our mark").isTrue();
        assertThat(reaped).extracting(LeftoverProcessReaper.Leftover::key).doesNotContain("camera-4");
        assertThat(LeftoverProcessReaper.isRunning(ownChild.pid())).as("a marked process whose owner still runs")
                .isTrue();
    }

    private static long firstLine(InputStream output) throws IOException {
        try (var reader = new BufferedReader(new InputStreamReader(output, StandardCharsets.UTF_8))) {
            return Long.parseLong(reader.readLine().strip());
        }
    }
}
