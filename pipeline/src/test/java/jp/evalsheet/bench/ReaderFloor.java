package jp.evalsheet.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import jp.evalsheet.grid.GridCell;
import jp.evalsheet.grid.SheetGrid;
import jp.evalsheet.grid.WorkbookReadException;
import jp.evalsheet.grid.WorkbookReaders;

/**
 * The floor of the benchmark: the same folder read by the job's bare readers, every sheet opened and
 * every cell visited, with no extraction, no checks, no database and no feedback. Run in its own JVM
 * by {@link IngestionBenchmark}; prints one line {@code floor files=… sheets=… cells=… unreadable=… chars=…}.
 */
public final class ReaderFloor {

    private ReaderFloor() {
    }

    public static void main(String[] args) throws IOException {
        Path input = Path.of(args[0]);
        List<Path> files;
        try (Stream<Path> paths = Files.walk(input)) {
            files = paths.filter(Files::isRegularFile).filter(WorkbookReaders::isCandidate).sorted().toList();
        }
        long[] counts = new long[3]; // sheets, cells, characters
        int unreadable = 0;
        for (Path file : files) {
            try {
                WorkbookReaders.forFile(file).read(file, grid -> visit(grid, counts));
            } catch (WorkbookReadException e) {
                unreadable++;
                System.err.println("unreadable " + file + ": " + e.getMessage());
            }
        }
        System.out.printf("floor files=%d sheets=%d cells=%d unreadable=%d chars=%d%n",
                files.size(), counts[0], counts[1], unreadable, counts[2]);
    }

    private static void visit(SheetGrid grid, long[] counts) {
        counts[0]++;
        for (int row : grid.rowIndexes()) {
            for (GridCell cell : grid.row(row)) {
                counts[1]++;
                counts[2] += cell.text().length();
            }
        }
    }
}
