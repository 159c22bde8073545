package jp.evalsheet.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

import jp.evalsheet.grid.WorkbookReaders;
import jp.evalsheet.submission.SubmissionFile;

/**
 * Reads the submitted files of an input folder (and its subfolders), in name order. Saves how many it
 * has handed out, so a restarted run resumes after the last committed chunk.
 */
public class SubmissionFileReader implements ItemStreamReader<SubmissionFile> {

    private static final String READ_COUNT = "submission.files.read";

    private final Path inputDir;
    private List<SubmissionFile> files;
    private int next;

    public SubmissionFileReader(Path inputDir) {
        this.inputDir = inputDir;
    }

    @Override
    public void open(ExecutionContext context) {
        if (!Files.isDirectory(inputDir)) {
            throw new ItemStreamException("the input folder " + inputDir.toAbsolutePath() + " does not exist");
        }
        try (Stream<Path> paths = Files.walk(inputDir)) {
            files = paths.filter(Files::isRegularFile)
                    .filter(WorkbookReaders::isCandidate)
                    .map(path -> new SubmissionFile(path, inputDir.relativize(path).toString().replace('\\', '/')))
                    .sorted(java.util.Comparator.comparing(SubmissionFile::name))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + inputDir, e);
        }
        next = context.getInt(READ_COUNT, 0);
    }

    @Override
    public SubmissionFile read() {
        return next < files.size() ? files.get(next++) : null;
    }

    @Override
    public void update(ExecutionContext context) {
        context.putInt(READ_COUNT, next);
    }

    @Override
    public void close() {
        files = null;
    }
}
