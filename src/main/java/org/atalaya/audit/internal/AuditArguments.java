package org.atalaya.audit.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The words after {@code atalaya audit}: {@code verify [--public-key FILE]... [--proof FILE]},
 * {@code proof --entry N} or {@code public-key}. Bad usage is an {@link IllegalArgumentException} with one line to print.
 */
public record AuditArguments(Command command, List<Path> publicKeyFiles, Optional<Path> proofFile, OptionalLong entry) {

    public enum Command { VERIFY, PROOF, PUBLIC_KEY }

    public static final String USAGE =
            "usage: atalaya audit verify [--public-key FILE] [--proof FILE] | audit proof --entry N | audit public-key";

    public static AuditArguments parse(List<String> words) {
        if (words.isEmpty()) throw badUsage("missing command");
        Command command = switch (words.getFirst()) {
            case "verify" -> Command.VERIFY;
            case "proof" -> Command.PROOF;
            case "public-key" -> Command.PUBLIC_KEY;
            default -> throw badUsage("unknown command " + words.getFirst());
        };
        List<Path> publicKeys = new ArrayList<>();
        Path proof = null;
        Long entry = null;
        for (int i = 1; i < words.size(); i += 2) {
            String option = words.get(i);
            boolean allowed = switch (option) {
                case "--public-key", "--proof" -> command == Command.VERIFY;
                case "--entry" -> command == Command.PROOF;
                default -> false;
            };
            if (!allowed) throw badUsage("audit " + words.getFirst() + " does not take " + option);
            if (i + 1 >= words.size()) throw badUsage(option + " needs a value");
            String value = words.get(i + 1);
            switch (option) {
                case "--public-key" -> publicKeys.add(Path.of(value));
                case "--proof" -> {
                    if (proof != null) throw badUsage("--proof can be given once");
                    proof = Path.of(value);
                }
                default -> {
                    if (entry != null) throw badUsage("--entry can be given once");
                    entry = entryNumber(value);
                }
            }
        }
        if (command == Command.PROOF && entry == null) throw badUsage("audit proof needs --entry N");
        return new AuditArguments(command, List.copyOf(publicKeys), Optional.ofNullable(proof),
                entry == null ? OptionalLong.empty() : OptionalLong.of(entry));
    }

    private static long entryNumber(String value) {
        try {
            long entry = Long.parseLong(value);
            if (entry >= 1) return entry;
        } catch (NumberFormatException ignored) {
            // reported below, the same as a number out of range
        }
        throw badUsage("--entry takes an entry number (1, 2, ...), not " + value);
    }

    private static IllegalArgumentException badUsage(String problem) {
        return new IllegalArgumentException(problem + "; " + USAGE);
    }
}
