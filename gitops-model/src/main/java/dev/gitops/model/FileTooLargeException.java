package dev.gitops.model;

import java.io.IOException;

/**
 * A {@link FileSource} refused to read a file because it is larger than
 * {@link FileSource#MAX_FILE_BYTES}: found from the file's size before reading, or while reading
 * when the size was not known (a device, a file still growing), so no more than the limit is ever
 * held in memory. The message names the file and the limit.
 */
public final class FileTooLargeException extends IOException {
    private static final long serialVersionUID = 1L;

    /** @param path the file, as the source names it */
    public FileTooLargeException(String path) {
        super(path + " is larger than the limit of " + (FileSource.MAX_FILE_BYTES >> 20) + " MiB");
    }
}
