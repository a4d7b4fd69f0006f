package org.atalaya.platform;

import java.io.PrintStream;
import java.util.List;

/**
 * A command of the {@code atalaya} tool that works on the database of a running or stopped installation, such as
 * {@code atalaya token create}. Modules contribute commands as beans; the launcher starts the application without
 * its web server and background workers, finds the command by {@link #name()} and runs it.
 */
public interface CliCommand {

    /** The first word after {@code atalaya}, e.g. {@code token}. */
    String name();

    /**
     * Runs the command with the words that follow its name ({@code --config} already removed).
     *
     * @return the process exit code: 0 done, 1 the check failed, 2 bad usage (after printing one line to {@code err})
     */
    int run(List<String> arguments, PrintStream out, PrintStream err);
}
