package jp.evalsheet.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

import jp.evalsheet.grid.WorkbookReaders;
import jp.evalsheet.submission.Municipality;
import jp.evalsheet.submission.SubmissionFile;

/**
 * Reads the submitted files of an input folder (and its subfolders), in name order. Saves how many it
 * has handed out, so a restarted run resumes after the last committed chunk.
 *
 * <p>Each file is given its municipality: the top-level folder it is in when that folder is named
 * after one ({@code input/112275_朝霞市/…}), else the run's {@code --municipality}. A file for which
 * neither says is handed out with the reason, and rejected on its own.
 */
public class SubmissionFileReader implements ItemStreamReader<SubmissionFile> {

    private static final String READ_COUNT = "submission.files.read";

    private final Path inputDir;
    private final Municipality runMunicipality;
    private List<SubmissionFile> files;
    private int next;

    /**
     * @param runMunicipality the municipality of files that are not in a municipality's folder, or
     *     null when the run names none
     */
    public SubmissionFileReader(Path inputDir, Municipality runMunicipality) {
        this.inputDir = inputDir;
        this.runMunicipality = runMunicipality;
    }

    @Override
    public void open(ExecutionContext context) {
        if (!Files.isDirectory(inputDir)) {
            throw new ItemStreamException("the input folder " + inputDir.toAbsolutePath() + " does not exist");
        }
        try (Stream<Path> paths = Files.walk(inputDir)) {
            files = paths.filter(Files::isRegularFile)
                    .filter(WorkbookReaders::isCandidate)
                    .map(this::submissionFile)
                    .sorted(Comparator.comparing(SubmissionFile::name))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + inputDir, e);
        }
        next = context.getInt(READ_COUNT, 0);
    }

    private SubmissionFile submissionFile(Path path) {
        Path relative = inputDir.relativize(path);
        String name = relative.toString().replace('\\', '/');
        if (relative.getNameCount() > 1) {
            String folder = relative.getName(0).toString();
            try {
                Optional<Municipality> fromFolder = Municipality.parse(folder);
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
