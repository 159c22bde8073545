package jp.evalsheet.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.springframework.util.FileSystemUtils;

/**
 * The folder an export goes to, and the folder it is written in beside it.
 *
 * <p>An export is written in a sibling {@code <folder>.exporting-<pid>}, its {@code _manifest.json}
 * last, and renamed to the folder only once complete, so that a reader never sees half an export:
 * the folder holds the previous export whole, or the new one. An earlier export there is first moved
 * aside to {@code <folder>.replaced-<pid>} (a rename cannot replace a folder that is not empty) and
 * deleted after the new one is in place. What a killed export left beside the folder (the process
 * that wrote it having gone) is deleted by the next export.
 *
 * <p>The folder must be new, empty, or an earlier export (it holds a {@code _manifest.json}):
 * anything else is refused, so that a mistyped {@code --export} never deletes someone's files.
 */
final class ExportFolder {

    /** The file written last, whose presence makes a folder an export. */
    static final String MANIFEST = "_manifest.json";

    private static final String WRITING = ".exporting-";
    private static final String REPLACED = ".replaced-";

    private final Path target;
    private final Path writing;

    ExportFolder(Path target) {
        this.target = target.toAbsolutePath().normalize();
        this.writing = sibling(WRITING + ProcessHandle.current().pid());
    }

    Path target() {
        return target;
    }

    /** The folder the export is written in until it is complete. */
    Path writing() {
        return writing;
    }

    /** Why the target cannot take an export, or empty when it can. */
    Optional<String> refusal() {
        if (target.getParent() == null) {
            return Optional.of("the export needs a folder of its own, not " + target);
        }
        if (Files.exists(target) && !Files.isDirectory(target)) {
            return Optional.of(target + " is a file, not a folder");
        }
        if (Files.isDirectory(target) && !Files.exists(target.resolve(MANIFEST)) && !isEmpty(target)) {
            return Optional.of(target + " is neither empty nor an earlier export (it has no " + MANIFEST
                    + "); choose a new or empty folder, so that nothing in it is deleted");
        }
        return Optional.empty();
    }

    /** Deletes what exports killed before they completed left beside the folder, and starts a new one. */
    void start() throws IOException {
        deleteLeftovers();
        Files.createDirectories(writing);
    }

    /** Puts the complete export in place of the folder and of any earlier export in it. */
    void publish() throws IOException {
        Path replaced = null;
        if (Files.exists(target)) {
            replaced = sibling(REPLACED + ProcessHandle.current().pid());
            Files.move(target, replaced, StandardCopyOption.ATOMIC_MOVE);
        }
        try {
            Files.move(writing, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (replaced != null) {
                Files.move(replaced, target, StandardCopyOption.ATOMIC_MOVE);
            }
            throw e;
        }
        if (replaced != null) {
            FileSystemUtils.deleteRecursively(replaced);
        }
    }

    /** Deletes the unfinished export of this process, after a failure. */
    void abandon() {
        try {
            FileSystemUtils.deleteRecursively(writing);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the unfinished export " + writing, e);
        }
    }

    private void deleteLeftovers() throws IOException {
        Pattern leftover = Pattern.compile(Pattern.quote(target.getFileName().toString()) + "("
                + Pattern.quote(WRITING) + "|" + Pattern.quote(REPLACED) + ")(\\d+)");
        if (!Files.isDirectory(target.getParent())) {
            return;
        }
        try (Stream<Path> siblings = Files.list(target.getParent())) {
            for (Path sibling : siblings.toList()) {
                Matcher matcher = leftover.matcher(sibling.getFileName().toString());
                if (matcher.matches() && ProcessHandle.of(Long.parseLong(matcher.group(2))).isEmpty()) {
                    FileSystemUtils.deleteRecursively(sibling);
                }
            }
        }
    }

    private Path sibling(String suffix) {
        return target.resolveSibling(target.getFileName() + suffix);
    }

    private static boolean isEmpty(Path folder) {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
    }
}
