package org.atalaya.recording.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.stereotype.Component;

/**
 * The usable space the operating system reports for the file system of the folder, or of its nearest existing
 * parent while the folder is not made yet.
 */
@Component
class StorageSpaceOfFileStore implements StorageSpace {

    @Override
    public long usableBytes(Path storage) throws IOException {
        Path existing = storage.toAbsolutePath().normalize();
        while (!Files.exists(existing) && existing.getParent() != null) existing = existing.getParent();
        return Files.getFileStore(existing).getUsableSpace();
    }
}
