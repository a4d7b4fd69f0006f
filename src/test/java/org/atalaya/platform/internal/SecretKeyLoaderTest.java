package org.atalaya.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.atalaya.platform.SecretBox;
import org.atalaya.platform.SecretsProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretKeyLoaderTest {

    @TempDir
    Path folder;

    private final SecretKeyLoader loader = new SecretKeyLoader();

    @Test
    void theFirstStartCreatesAPrivateKeyFileThatLaterStartsReuse() throws IOException {
        Path keyFile = folder.resolve("keys/secrets.key");
        SecretBox first = loader.secretBox(new SecretsProperties(null, keyFile.toString()));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
        String sealed = first.seal("camera password".getBytes(StandardCharsets.UTF_8), "camera:7");
        SecretBox afterRestart = loader.secretBox(new SecretsProperties(null, keyFile.toString()));
        assertThat(new String(afterRestart.open(sealed, "camera:7"), StandardCharsets.UTF_8)).isEqualTo("camera password");
        assertThat(Files.list(keyFile.getParent())).containsExactly(keyFile);
    }

    @Test
    void aSealedSecretOpensOnlyWithItsKeyAndForWhatItWasSealedFor() {
        SecretBox box = loader.secretBox(new SecretsProperties("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=", null));
        String sealed = box.seal(new byte[] {1, 2, 3}, "totp:user:1");

        assertThat(sealed).startsWith("v1:").isNotEqualTo(box.seal(new byte[] {1, 2, 3}, "totp:user:1"));
        assertThat(box.open(sealed, "totp:user:1")).containsExactly(1, 2, 3);
        assertThatThrownBy(() -> box.open(sealed, "totp:user:2")).isInstanceOf(IllegalStateException.class);
        SecretBox otherKey = loader.secretBox(new SecretsProperties(null, folder.resolve("other.key").toString()));
        assertThatThrownBy(() -> otherKey.open(sealed, "totp:user:1")).hasMessageContaining("another atalaya.secrets key");
    }

    @Test
    void aConfiguredKeyOfTheWrongSizeIsNamed() {
        assertThatThrownBy(() -> loader.secretBox(new SecretsProperties("c2hvcnQ=", null)))
                .hasMessage("atalaya.secrets.key must decode to 32 bytes, not 5");
    }
}
