package jp.evalsheet.grid;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The committed fixtures under {@code fixtures/grid/} and small helpers to look at what a reader made of them. */
final class GridFixtures {

    private GridFixtures() {
    }

    static Path fixture(String name) {
        URL url = GridFixtures.class.getResource("/fixtures/grid/" + name);
        if (url == null) {
            throw new IllegalArgumentException("no fixture " + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<SheetGrid> readAll(WorkbookReader reader, Path file) throws WorkbookReadException {
        List<SheetGrid> sheets = new ArrayList<>();
        reader.read(file, sheets::add);
        return sheets;
    }

    static SheetGrid sheet(List<SheetGrid> sheets, String name) {
        return sheets.stream().filter(s -> s.sheetName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no sheet " + name + " in " + sheets.stream().map(SheetGrid::sheetName).toList()));
    }

    /** Every cell's text by its A1 address, top to bottom, left to right. */
    static Map<String, String> texts(SheetGrid sheet) {
        Map<String, String> texts = new LinkedHashMap<>();
        for (int row : sheet.rowIndexes()) {
            for (GridCell cell : sheet.row(row)) {
                texts.put(cell.address(), cell.text());
            }
        }
        return texts;
    }
}
