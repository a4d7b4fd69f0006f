package org.atalaya.cli.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The words after a command, from which the launcher takes the options it knows and leaves the rest in order. */
public final class Options {

    private final List<String> words;

    public Options(List<String> words) {
        this.words = new ArrayList<>(words);
    }

    /** Removes {@code --name VALUE} (or {@code --name=VALUE}) and returns the value. */
    public Optional<String> take(String name) {
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (word.equals(name)) {
                if (i + 1 >= words.size() || words.get(i + 1).startsWith("--")) {
                    throw new UsageException(name + " needs a value");
                }
                String value = words.get(i + 1);
                words.remove(i + 1);
                words.remove(i);
                return Optional.of(value);
            }
            if (word.startsWith(name + "=")) {
                words.remove(i);
                return Optional.of(word.substring(name.length() + 1));
            }
        }
        return Optional.empty();
    }

    public boolean has(String flag) {
        return words.contains(flag) || words.stream().anyMatch(word -> word.startsWith(flag + "="));
    }

    public List<String> remaining() {
        return List.copyOf(words);
    }

    /** Fails on anything left over, for commands that take no further words. */
    public void requireNoneLeft(String command) {
        if (!words.isEmpty()) {
            throw new UsageException("unexpected '" + words.getFirst() + "' for " + command + " (try ./atalaya help)");
        }
    }

    public static int port(String value) {
        try {
            int port = Integer.parseInt(value);
            if (port >= 1 && port <= 65535) return port;
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new UsageException("--port must be a number from 1 to 65535, not '" + value + "'");
    }
}
