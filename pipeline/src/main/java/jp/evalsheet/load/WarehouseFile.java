package jp.evalsheet.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * The published warehouse file and the working copy a run builds in beside it.
 *
 * <p>A run never writes the published file: it copies it to {@code <file>.building}, loads into the
 * copy, and when the run has completed renames the copy over the published file in one atomic
 * step. Readers that have the published file open keep reading the state they opened (on POSIX
 * systems the rename leaves their open file untouched); readers that connect afterwards see the
 * new state. A run that fails or is killed leaves the published file as it was, and its working
 * copy for {@code --restart}. A lock file keeps two runs from building at once.
 *
 * <p>Every warehouse file is written in DuckDB's storage format {@value #STORAGE_VERSION}, so that the
 * DuckDB clients of the 1.x line that BI drivers and notebooks pin open it (a file in the format of
 * the job's own DuckDB 2.0 is refused by every 1.x client). A working copy started from a published
 * file in another format is converted once, by copying the database into a new file.
 */
public final class WarehouseFile {

    /**
     * The storage format of every warehouse file: DuckDB 1.4 and every later client read it, row for row
     * as the job reads it. No older format serves: DuckDB 1.3.2 opens a v1.3.0 file that DuckDB 2.0
     * wrote but reads some of its text columns as null (every {@code department_name} of
     * {@code etl_sheet_loads}), and the views use functions that DuckDB 1.1 and 1.2 do not have.
     */
    public static final String STORAGE_VERSION = "v1.4.0";

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

    /**
     * Starts a new working copy from the published file, or, for the first run, an empty database; in
     * {@link #STORAGE_VERSION} either way.
     */
    public void startWorkingCopy() {
        try {
            deleteWorkingCopy();
            if (!Files.exists(published)) {
                createEmpty(working);
                return;
            }
            Files.copy(published, working, StandardCopyOption.COPY_ATTRIBUTES);
            Path wal = wal(published);
            if (Files.exists(wal)) {
                Files.copy(wal, wal(working));
            }
            // the copy is asked, not the published file, which a reader in this JVM may hold open with
            // settings of its own (DuckDB refuses a second configuration of an open file)
            if (!STORAGE_VERSION.equals(storageVersion(working))) {
                Path older = sibling(".converting");
                Files.move(working, older, StandardCopyOption.REPLACE_EXISTING);
                Files.deleteIfExists(wal(older));
                if (Files.exists(wal(working))) {
                    Files.move(wal(working), wal(older));
                }
                convert(older, working);
                Files.delete(older);
                Files.deleteIfExists(wal(older));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + published + " to " + working, e);
        } catch (SQLException e) {
            deleteWorkingCopy();
            throw new IllegalStateException("cannot copy " + published + " to " + working + ": " + e.getMessage(), e);
        }
    }

    /**
     * The storage format of a DuckDB file ({@code v1.3.0}), as DuckDB names the oldest version that
     * reads it ({@code v1.3.0+}).
     */
    public static String storageVersion(Path database) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + database + ";duckdb.read_only=true");
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("select tags['storage_version'] from duckdb_databases() "
                        + "where database_name = current_database()")) {
            String version = result.next() ? result.getString(1) : null;
            return version == null ? null : version.replaceFirst("\\+$", "");
        }
    }

    /** An empty database in {@link #STORAGE_VERSION}: the job's connections then keep writing in it. */
    private static void createEmpty(Path database) throws SQLException {
        Properties format = new Properties();
        format.setProperty("storage_compatibility_version", STORAGE_VERSION);
        DriverManager.getConnection("jdbc:duckdb:" + database, format).close();
    }

    /** Copies every schema, table, view, sequence and macro of {@code source} into a new file in {@link #STORAGE_VERSION}. */
    private static void convert(Path source, Path target) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = connection.createStatement()) {
            statement.execute("attach " + literal(source) + " as converted_from (read_only)");
            statement.execute("attach " + literal(target) + " as converted_to (storage_version '" + STORAGE_VERSION + "')");
            statement.execute("copy from database converted_from to converted_to");
            statement.execute("detach converted_to");
            statement.execute("detach converted_from");
        }
    }

    private static String literal(Path path) {
        return "'" + path.toString().replace("'", "''") + "'";
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
