package org.atalaya.audit.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.CopyOption;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.Optional;
import org.atalaya.audit.AuditProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The checkpoint signing key, kept in files and never in the database: {@code signing-key-file} holds the private key
 * (PKCS#8 PEM, mode 0600) and {@code <signing-key-file>.pub} the public key that verifiers use.
 */
@Component
class SigningKeyStore {

    private static final Logger log = LoggerFactory.getLogger(SigningKeyStore.class);

    private final Path privateKeyFile;
    private final Path publicKeyFile;
    private volatile KeyPair keyPair;

    SigningKeyStore(AuditProperties properties) {
        this.privateKeyFile = properties.signingKeyPath();
        this.publicKeyFile = properties.publicKeyPath();
    }

    /** The key pair, created on first use when there is no key file yet. */
    synchronized KeyPair signingKeyPair() {
        if (keyPair == null) {
            keyPair = Files.exists(privateKeyFile) ? load() : create();
        }
        return keyPair;
    }

    /** The public key as written beside the signing key, if there is one yet. */
    Optional<PublicKey> publicKey() {
        if (keyPair != null) return Optional.of(keyPair.getPublic());
        if (!Files.exists(publicKeyFile)) return Optional.empty();
        try {
            return Optional.of(SigningKeys.readPublicKey(Files.readString(publicKeyFile, StandardCharsets.ISO_8859_1)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the audit public key " + publicKeyFile, e);
        }
    }

    private KeyPair load() {
        try {
            var privateKey = SigningKeys.readPrivateKey(Files.readString(privateKeyFile, StandardCharsets.ISO_8859_1));
            if (!Files.exists(publicKeyFile)) {
                throw new IllegalStateException("the audit signing key " + privateKeyFile + " has no public key beside it ("
                        + publicKeyFile + "); restore it from a backup");
            }
            var publicKey = SigningKeys.readPublicKey(Files.readString(publicKeyFile, StandardCharsets.ISO_8859_1));
            return new KeyPair(publicKey, privateKey);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the audit signing key " + privateKeyFile, e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the audit signing key file " + privateKeyFile + " or its public key is "
                    + e.getMessage());
        }
    }

    private KeyPair create() {
        var pair = SigningKeys.generate();
        try {
            Path folder = privateKeyFile.toAbsolutePath().getParent();
            Files.createDirectories(folder);
            // a public key without its private key is left from an interrupted first start: replace it
            write(publicKeyFile, SigningKeys.publicKeyPem(pair.getPublic()), "rw-r--r--", StandardCopyOption.REPLACE_EXISTING);
            write(privateKeyFile, SigningKeys.privateKeyPem(pair.getPrivate()), "rw-------");
        } catch (FileAlreadyExistsException createdMeanwhile) {
            return load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the audit signing key " + privateKeyFile, e);
        }
        log.info("Created the audit signing key {} (key id {}); back it up and give auditors {}",
                privateKeyFile, SigningKeys.keyId(pair.getPublic()), publicKeyFile);
        return pair;
    }

    private static void write(Path file, String content, String posixPermissions, CopyOption... moveOptions)
            throws IOException {
        FileAttribute<?>[] attributes = file.getFileSystem().supportedFileAttributeViews().contains("posix")
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(posixPermissions))}
                : new FileAttribute<?>[0];
        Files.deleteIfExists(file.resolveSibling(file.getFileName() + ".tmp"));
        Path temporary = Files.createFile(file.resolveSibling(file.getFileName() + ".tmp"), attributes);
        Files.writeString(temporary, content, StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
        Files.move(temporary, file, moveOptions);
    }
}
