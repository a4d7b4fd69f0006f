package org.atalaya.platform.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.atalaya.platform.SecretBox;
import org.atalaya.platform.SecretsProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Finds the data key: from configuration, else from its key file, which the first start creates. */
@Configuration(proxyBeanMethods = false)
class SecretKeyLoader {

    private static final Logger log = LoggerFactory.getLogger(SecretKeyLoader.class);
    private static final int KEY_BYTES = 32;

    @Bean
    SecretBox secretBox(SecretsProperties properties) {
        if (properties.key() != null && !properties.key().isBlank()) {
            return new SecretBox(decode(properties.key(), "atalaya.secrets.key"));
        }
        return new SecretBox(fromFile(properties.keyPath()));
    }

    static SecretKey fromFile(Path file) {
        try {
            if (!Files.exists(file)) create(file);
            return decode(Files.readString(file, StandardCharsets.US_ASCII), "the key file " + file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the data key file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Written beside the target and linked into place, so a concurrent reader never sees a half-written key. */
    private static void create(Path file) throws IOException {
        byte[] key = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(key);
        Path folder = file.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path draft = Files.createTempFile(folder, ".secrets", ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            Files.writeString(draft, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII);
            Files.createLink(file, draft);
            log.info("Created the data key {} that encrypts stored secrets; back it up", file);
        } catch (FileAlreadyExistsException createdMeanwhile) {
            // another process created it first: use theirs
        } finally {
            Files.deleteIfExists(draft);
        }
    }

    private static SecretKey decode(String base64, String where) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + " must be base64 of 32 bytes (e.g. from: openssl rand -base64 32)");
        }
        if (bytes.length != KEY_BYTES) {
            throw new IllegalArgumentException(where + " must decode to 32 bytes, not " + bytes.length);
        }
        return new SecretKeySpec(bytes, "AES");
    }
}
