package jp.evalsheet.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

import jp.evalsheet.grid.WorkbookReaders;
import jp.evalsheet.submission.Municipality;
import jp.evalsheet.submission.Submission;
import jp.evalsheet.submission.SubmissionFile;
import jp.evalsheet.submission.SubmissionReader;

/**
 * Reads the submitted files of an input folder (and its subfolders), in name order, into
 * {@link Submission}s. Files are read ahead, as many at a time as there are cores, while the step
 * writes the chunk before: reading never waits for the database. Saves how many submissions it has
 * handed out, so a restarted run resumes after the last committed chunk (files read ahead but not
 * handed out are read again).
 *
 * <p>Each file is given its municipality: the top-level folder it is in when that folder is named
 * after one ({@code input/112275_朝霞市/…}), else the run's {@code --municipality}. A file for which
 * neither says is handed out with the reason, and rejected on its own.
 */
public class SubmissionFileReader implements ItemStreamReader<Submission> {

    private static final String READ_COUNT = "submission.files.read";

    private final Path inputDir;
    private final Municipality runMunicipality;
    private final Function<SubmissionFile, Submission> reading;
    private final int threads;
    private final int readAhead;
    /** The files this run has written already (name to SHA-256), for a restart; empty for a new run. */
    private final java.util.function.Supplier<java.util.Map<String, String>> writtenByThisRun;
    private List<SubmissionFile> files;
    private int next;
    private int submitted;
    private final Deque<Future<Submission>> ahead = new ArrayDeque<>();
    private ExecutorService executor;

    /**
     * @param runMunicipality the municipality of files that are not in a municipality's folder, or
     *     null when the run names none
     * @param reading reads one file (thread-safe)
     * @param threads how many files are read at a time
     * @param readAhead how many files may be read before they are handed out (bounds the memory)
     */
    public SubmissionFileReader(Path inputDir, Municipality runMunicipality, Function<SubmissionFile, Submission> reading,
            int threads, int readAhead) {
        this(inputDir, runMunicipality, reading, threads, readAhead, java.util.Map::of);
    }

    /**
     * @param writtenByThisRun the files the run being restarted has written (name to SHA-256): a restart
     *     reads every other file of the folder, and refuses when one of those is gone or changed
     */
    public SubmissionFileReader(Path inputDir, Municipality runMunicipality, Function<SubmissionFile, Submission> reading,
            int threads, int readAhead, java.util.function.Supplier<java.util.Map<String, String>> writtenByThisRun) {
        this.writtenByThisRun = writtenByThisRun;
        this.inputDir = inputDir;
        this.runMunicipality = runMunicipality;
        this.reading = reading;
        this.threads = threads;
        this.readAhead = Math.max(threads, readAhead);
    }

    /** The files this step reads (on a restart, those the stopped run had not written), once it has opened. */
    public int fileCount() {
        return files == null ? 0 : files.size();
    }

    @Override
    public void open(ExecutionContext context) {
        if (!Files.isDirectory(inputDir)) {
            throw new ItemStreamException("the input folder " + inputDir.toAbsolutePath() + " does not exist");
        }
        files = listFiles(inputDir).stream()
                .filter(WorkbookReaders::isCandidate)
                .map(this::submissionFile)
                .sorted(Comparator.comparing(SubmissionFile::name))
                .toList();
        if (context.containsKey(READ_COUNT)) {
            // a restart: resumed by file, not by position, so that files added, removed or renamed in
            // the folder since the run stopped are read exactly once
            files = notYetWritten(files, writtenByThisRun.get());
        }
        next = 0;
        submitted = 0;
        AtomicInteger number = new AtomicInteger();
        executor = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "read-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Every regular file below the folder, following symbolic links (a municipality's folder is often
     * a link to where its department keeps it); a link that leads back into a folder already listed is
     * not followed again.
     */
    private static List<Path> listFiles(Path folder) {
        List<Path> found = new ArrayList<>();
        try {
            Files.walkFileTree(folder, java.util.EnumSet.of(java.nio.file.FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
                    new java.nio.file.SimpleFileVisitor<>() {
                        @Override
                        public java.nio.file.FileVisitResult visitFile(Path file, java.nio.file.attribute.BasicFileAttributes attributes) {
                            if (attributes.isRegularFile()) {
                                found.add(file);
                            }
                            return java.nio.file.FileVisitResult.CONTINUE;
                        }

                        @Override
                        public java.nio.file.FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                            if (e instanceof java.nio.file.FileSystemLoopException || e instanceof java.nio.file.NoSuchFileException) {
                                return java.nio.file.FileVisitResult.CONTINUE; // a loop of links, or a broken link
                            }
                            throw e;
                        }
                    });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
        return found;
    }

    /**
     * The files a restart still has to read: all but those the run has written, each of which must
     * still be in the folder unchanged, or the run cannot be resumed exactly.
     */
    private static List<SubmissionFile> notYetWritten(List<SubmissionFile> files, java.util.Map<String, String> written) {
        java.util.Map<String, SubmissionFile> byName = new java.util.HashMap<>();
        files.forEach(file -> byName.put(file.name(), file));
        for (java.util.Map.Entry<String, String> done : written.entrySet()) {
            SubmissionFile file = byName.get(done.getKey());
            if (file == null) {
                throw new ItemStreamException("cannot resume the run exactly: " + done.getKey() + " was loaded by it but "
                        + "is no longer in the folder; run without --restart to start a new run from the published warehouse");
            }
            if (!done.getValue().isEmpty() && !done.getValue().equals(sha256(file.path()))) {
                throw new ItemStreamException("cannot resume the run exactly: " + done.getKey() + " has changed since it "
                        + "was loaded by it; run without --restart to start a new run from the published warehouse");
            }
        }
        return files.stream().filter(file -> !written.containsKey(file.name())).toList();
    }

    /**
     * How the folder differs from the files a run read (name to SHA-256, as {@code etl_file_loads}
     * records them): the files added, removed and changed since, in name order; empty when it is the
     * same folder. A run that had read every file can be restarted only over the same folder.
     */
    public static List<String> changesSince(Path inputDir, java.util.Map<String, String> read) {
        if (!Files.isDirectory(inputDir)) {
            return List.of(inputDir.toAbsolutePath() + " no longer exists");
        }
        java.util.Map<String, Path> now = new java.util.TreeMap<>();
        listFiles(inputDir).stream().filter(WorkbookReaders::isCandidate).forEach(path -> now.put(nameOf(inputDir, path), path));
        List<String> changes = new ArrayList<>();
        now.forEach((name, path) -> {
            if (!read.containsKey(name)) {
                changes.add(name + " added");
            } else if (!java.util.Objects.toString(read.get(name), "").equals(sha256(path))) {
                changes.add(name + " changed");
            }
        });
        new java.util.TreeSet<>(read.keySet()).stream().filter(name -> !now.containsKey(name))
                .forEach(name -> changes.add(name + " removed"));
        return changes;
    }

    /** The name a file is recorded under: its path in the folder, with / and composed (NFC). */
    private static String nameOf(Path inputDir, Path path) {
        // a name saved on macOS is decomposed (NFD: プ as フ and ゜); the warehouse keeps every name composed
        return Normalizer.normalize(inputDir.relativize(path).toString().replace('\\', '/'), Normalizer.Form.NFC);
    }

    private static String sha256(Path file) {
        try {
            return SubmissionReader.sha256(file);
        } catch (IOException e) {
            return ""; // unreadable now: not the file that was loaded
        }
    }

    private SubmissionFile submissionFile(Path path) {
        Path relative = inputDir.relativize(path);
        String name = nameOf(inputDir, path);
        if (relative.getNameCount() > 1) {
            String folder = Normalizer.normalize(relative.getName(0).toString(), Normalizer.Form.NFC);
            try {
                Optional<Municipality> fromFolder = Municipality.parseFolder(folder);
                if (fromFolder.isPresent()) {
                    return new SubmissionFile(path, name, fromFolder.get(), null);
                }
            } catch (IllegalArgumentException e) {
                return new SubmissionFile(path, name, null, "the folder " + folder + " is not named after a municipality: "
                        + e.getMessage() + "; rename the folder");
            }
        }
        if (runMunicipality != null) {
            return new SubmissionFile(path, name, runMunicipality, null);
        }
        return new SubmissionFile(path, name, null, "the municipality of this file is unknown: put it in a folder named "
                + "after its municipality's 全国地方公共団体コード (such as 112275_朝霞市/) or name the municipality of the "
                + "run with --municipality=112275_朝霞市");
    }

    @Override
    public Submission read() {
        while (submitted < files.size() && ahead.size() < readAhead) {
            SubmissionFile file = files.get(submitted++);
            ahead.add(executor.submit(() -> reading.apply(file)));
        }
        Future<Submission> head = ahead.poll();
        if (head == null) {
            return null;
        }
        try {
            Submission submission = head.get();
            next++;
            return submission;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ItemStreamException("interrupted while reading " + files.get(next).name(), e);
        } catch (ExecutionException e) {
            throw new ItemStreamException("cannot read " + files.get(next).name() + ": " + e.getCause().getMessage(),
                    e.getCause());
        }
    }

    @Override
    public void update(ExecutionContext context) {
        context.putInt(READ_COUNT, next);
    }

    @Override
    public void close() {
        ahead.forEach(future -> future.cancel(true));
        ahead.clear();
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
        files = null;
    }
}
