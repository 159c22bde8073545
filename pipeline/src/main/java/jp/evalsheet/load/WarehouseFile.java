package jp.evalsheet.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * The published warehouse file and the working copy a run builds in beside it.
 *
 * <p>A run never writes the published file: it copies it to {@code <file>.building}, loads into the
 * copy, and when the run has completed renames the copy over the published file in one atomic
 * step. Readers that have the published file open keep reading the state they opened (on POSIX
 * systems the rename leaves their open file untouched); readers that connect afterwards see the
 * new state. A run that fails or is killed leaves the published file as it was, and its working
 * copy for {@code --restart}. A lock file keeps two runs from building at once.
 */
public final class WarehouseFile {

    private final Path published;
    private final Path working;
    private final Path lock;

    public WarehouseFile(Path published) {
        this(published, null);
    }

    /**
     * A warehouse whose working copy is built in {@code workingDir} instead of beside it: for a
     * validation run, which reads what is published but never publishes.
     */
    public WarehouseFile(Path published, Path workingDir) {
        this.published = published.toAbsolutePath().normalize();
        this.working = workingDir == null ? sibling(".building")
                : workingDir.toAbsolutePath().resolve(this.published.getFileName() + ".building");
        this.lock = sibling(".lock");
    }

    public Path published() {
        return published;
    }

    public Path working() {
        return working;
    }

    public boolean hasWorkingCopy() {
        return Files.exists(working);
    }

    /**
     * Takes the lock that only one run of this warehouse may hold; fails at once when another run
     * holds it. Released when the returned handle is closed or the process ends, even by a kill.
     */
    public FileLock lock() {
        try {
            Files.createDirectories(published.getParent());
            FileChannel channel = FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock held = channel.tryLock();
            if (held == null) {
                channel.close();
                throw new IllegalStateException("another run is loading " + published + " (lock file " + lock + ")");
            }
            return held;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock " + lock, e);
        }
    }

    /** Starts a new working copy from the published file (or from nothing, for the first run). */
    public void startWorkingCopy() {
        try {
            deleteWorkingCopy();
            if (Files.exists(published)) {
                Files.copy(published, working, StandardCopyOption.COPY_ATTRIBUTES);
                Path wal = wal(published);
                if (Files.exists(wal)) {
                    Files.copy(wal, wal(working));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + published + " to " + working, e);
        }
    }

    /** Replaces the published file by the working copy in one atomic rename. */
    public void publishWorkingCopy() {
        try {
            Files.deleteIfExists(wal(published));
            if (Files.exists(wal(working))) {
                throw new IllegalStateException("the working copy " + working + " was not checkpointed; it is kept for --restart");
            }
            Files.move(working, published, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot publish " + working + " as " + published, e);
        }
    }

    public void deleteWorkingCopy() {
        try {
            Files.deleteIfExists(working);
            Files.deleteIfExists(wal(working));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + working, e);
        }
    }

    private Path sibling(String suffix) {
        return published.resolveSibling(published.getFileName() + suffix);
    }

    private static Path wal(Path database) {
        return database.resolveSibling(database.getFileName() + ".wal");
    }
}
