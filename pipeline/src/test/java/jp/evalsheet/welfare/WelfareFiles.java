package jp.evalsheet.welfare;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import jp.evalsheet.extract.Finding;
import jp.evalsheet.grid.SheetGrid;
import jp.evalsheet.grid.WorkbookReadException;
import jp.evalsheet.grid.WorkbookReaders;

/** Reads the welfare sample submissions and fixtures the way the job reads any submission. */
final class WelfareFiles {

    static final Path INPUT = Path.of("input");
    static final Path FORMATS = Path.of("pipeline/src/test/resources/fixtures/welfare/formats");

    private WelfareFiles() {
    }

    /** Every sheet of a file, in workbook order. */
    static List<SheetGrid> grids(Path file) {
        List<SheetGrid> grids = new ArrayList<>();
        try {
            WorkbookReaders.forFile(file).read(file, grids::add);
        } catch (WorkbookReadException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        return grids;
    }

    /** The files of a folder whose name starts with a prefix, in name order. */
    static List<Path> files(Path folder, String prefix) {
        try (Stream<Path> paths = Files.list(folder)) {
            return paths.filter(p -> p.getFileName().toString().startsWith(prefix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every welfare progress sheet of some files, extracted; asserts that none is rejected and none warns. */
    static List<WelfareSheet> sheets(List<Path> files) {
        WelfareSheetExtractor extractor = new WelfareSheetExtractor();
        List<WelfareSheet> sheets = new ArrayList<>();
        for (Path file : files) {
            for (SheetGrid grid : grids(file)) {
                assertThat(WelfareSheetExtractor.recognizes(grid)).as("%s %s", file, grid.sheetName()).isTrue();
                WelfareSheetExtractor.Extraction extraction = extractor.extract(grid);
                assertThat(extraction.findings()).as("%s %s", file, grid.sheetName())
                        .extracting(Finding::describe).isEmpty();
                sheets.add(extraction.sheet());
            }
        }
        return sheets;
    }
}
