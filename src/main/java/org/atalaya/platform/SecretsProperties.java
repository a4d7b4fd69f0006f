package org.atalaya.platform;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The key that encrypts secrets kept in the database (two-factor secrets, camera passwords).
 *
 * @param key     base64 of a 256-bit AES key (prefer the ATALAYA_SECRETS_KEY environment variable); when set, the
 *                key file is not used
 * @param keyFile where the key is kept when {@code key} is not set; created with mode 0600 on first use. Back it up:
 *                without it the stored secrets cannot be read
 */
@ConfigurationProperties("atalaya.secrets")
public record SecretsProperties(String key, String keyFile) {

    public static final String DEFAULT_KEY_FILE = "data/keys/secrets.key";

    public SecretsProperties {
        if (keyFile == null || keyFile.isBlank()) keyFile = DEFAULT_KEY_FILE;
    }

    public Path keyPath() {
        return Path.of(keyFile);
    }
}
