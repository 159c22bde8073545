package jp.evalsheet.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;

import jp.evalsheet.grid.GridCell;
import jp.evalsheet.grid.SheetGrid;
import jp.evalsheet.grid.WorkbookReadException;
import jp.evalsheet.grid.WorkbookReaders;

/**
 * The floor of the benchmark: the same folder read by the job's bare readers, every sheet opened and
 * every cell visited, with no extraction, no checks, no database and no feedback; files are read
 * in parallel, one per core, as the job reads them. Run in its own JVM
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
        // as many files at a time as there are cores, as the job reads them: the fastest bare reading
        LongAdder sheets = new LongAdder();
        LongAdder cells = new LongAdder();
        LongAdder characters = new LongAdder();
        LongAdder unreadable = new LongAdder();
        files.parallelStream().forEach(file -> {
            try {
                WorkbookReaders.forFile(file).read(file, grid -> visit(grid, sheets, cells, characters));
            } catch (WorkbookReadException e) {
                unreadable.increment();
                System.err.println("unreadable " + file + ": " + e.getMessage());
            }
        });
        System.out.printf("floor files=%d sheets=%d cells=%d unreadable=%d chars=%d threads=%d%n",
                files.size(), sheets.sum(), cells.sum(), unreadable.sum(), characters.sum(),
                ForkJoinPool.getCommonPoolParallelism() + 1);
    }

    private static void visit(SheetGrid grid, LongAdder sheets, LongAdder cells, LongAdder characters) {
        sheets.increment();
        long cellCount = 0;
        long characterCount = 0;
        for (int row : grid.rowIndexes()) {
            for (GridCell cell : grid.row(row)) {
                cellCount++;
                characterCount += cell.text().length();
            }
        }
        cells.add(cellCount);
        characters.add(characterCount);
    }
}
