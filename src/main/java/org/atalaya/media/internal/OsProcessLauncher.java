package org.atalaya.media.internal;

import java.io.IOException;
import java.util.List;
import org.atalaya.media.ChildProcess;
import org.atalaya.media.MediaProperties;
import org.atalaya.media.ProcessLauncher;

/** Starts real child processes, marked with {@link ProcessMarker} so a leftover one can be found later. */
final class OsProcessLauncher implements ProcessLauncher {

    private final MediaProperties properties;
    private final long ownPid = ProcessHandle.current().pid();

    OsProcessLauncher(MediaProperties properties) {
        this.properties = properties;
    }

    @Override
    public ChildProcess start(String key, List<String> command) throws IOException {
        if (command.isEmpty()) throw new IllegalArgumentException("a command needs at least the program");
        var builder = new ProcessBuilder(command);
        builder.environment().put(ProcessMarker.VARIABLE, ProcessMarker.value(ownPid, key));
        return new OsChildProcess(builder.start(), key, properties.errorLines(), properties.quitGrace(),
                properties.terminateGrace());
    }
}
