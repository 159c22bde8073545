package jp.evalsheet.template;

import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFDataValidation;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Fills a template in as a department would: every unlocked cell left blank gets a value of the
 * kind its data validation asks for (an item of its list, a number, a figure with its unit), or a
 * text, and the workbook is saved after Excel's recalculation of the totals. Each value typed is
 * recorded with its file, sheet and cell, so that a test can find it again in the warehouse by its
 * lineage. A cell whose prompt names a field ({@code 施策番号}) can be given its value by the test.
 */
final class TemplateFiller {

    private static final DataFormatter SHOWN = new DataFormatter();

    /**
     * What was typed into one cell; {@code label} is the printed label left of it on its row, or above
     * it; {@code row} the texts of its row as the department saw them, joined by {@code |}.
     */
    record Typed(String file, String sheet, String cell, Kind kind, Object value, String label, String prompt, String row) {
    }

    /** The kind of value a cell took. */
    enum Kind { CHOICE, NUMBER, THOUSAND_YEN, FIGURE, TEXT }

    private final Function<Typed, Object> override;
    private int counter;

    /** {@code override} may return another value for a cell (by its prompt or label), or null to keep the generated one. */
    TemplateFiller(Function<Typed, Object> override) {
        this.override = override;
    }

    /** Fills every template of {@code folder} in place; returns what was typed. */
    List<Typed> fill(Path folder) throws Exception {
        List<Typed> typed = new ArrayList<>();
        try (var files = Files.list(folder)) {
            for (Path file : files.sorted().toList()) {
                XSSFWorkbook workbook;
                try (InputStream in = Files.newInputStream(file)) {
                    workbook = new XSSFWorkbook(in);
                }
                for (int s = 0; s < workbook.getNumberOfSheets(); s++) {
                    fill(file.getFileName().toString(), workbook.getSheetAt(s), typed);
                }
                // Excel computes the formulas (計) when the department saves
                workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
                try (OutputStream out = Files.newOutputStream(file)) {
                    workbook.write(out);
                }
                workbook.close();
            }
        }
        return typed;
    }

    private void fill(String file, XSSFSheet sheet, List<Typed> typed) {
        List<CellRangeAddress> merges = sheet.getMergedRegions();
        List<XSSFDataValidation> validations = sheet.getDataValidations();
        for (Row row : sheet) {
            for (Cell cell : row) {
                if (cell.getCellStyle().getLocked() || !SHOWN.formatCellValue(cell).isEmpty()
                        || insideButNotFirst(merges, cell)) {
                    continue;
                }
                XSSFDataValidation validation = validations.stream()
                        .filter(v -> java.util.Arrays.stream(v.getRegions().getCellRangeAddresses())
                                .anyMatch(range -> range.isInRange(cell)))
                        .findFirst().orElse(null);
                counter++;
                Kind kind;
                Object value;
                String prompt = validation == null || validation.getPromptBoxTitle() == null ? "" : validation.getPromptBoxTitle();
                if (validation == null) {
                    kind = Kind.TEXT;
                    value = "記入テスト" + counter;
                } else {
                    DataValidationConstraint constraint = validation.getValidationConstraint();
                    switch (constraint.getValidationType()) {
                        case DataValidationConstraint.ValidationType.LIST -> {
                            String[] items = constraint.getExplicitListValues();
                            kind = Kind.CHOICE;
                            value = items[counter % items.length];
                        }
                        case DataValidationConstraint.ValidationType.DECIMAL -> {
                            boolean yen = constraint.getOperator() == DataValidationConstraint.OperatorType.GREATER_OR_EQUAL;
                            kind = yen ? Kind.THOUSAND_YEN : Kind.NUMBER;
                            value = yen ? new BigDecimal(1000 + counter) : new BigDecimal(counter + ".25");
                        }
                        default -> {
                            // a prompt alone: a welfare figure (値) or a named text field
                            kind = "値".equals(prompt) ? Kind.FIGURE : Kind.TEXT;
                            value = kind == Kind.FIGURE ? counter + "件" : "記入テスト" + counter;
                        }
                    }
                }
                StringBuilder shown = new StringBuilder();
                row.forEach(other -> shown.append(SHOWN.formatCellValue(other)).append('|'));
                Typed entry = new Typed(file, sheet.getSheetName(), cell.getAddress().formatAsString(), kind, value,
                        label(sheet, cell), prompt, shown.toString());
                Object chosen = override.apply(entry);
                if (chosen != null) {
                    entry = new Typed(entry.file(), entry.sheet(), entry.cell(), chosen instanceof String ? Kind.TEXT : entry.kind(),
                            chosen, entry.label(), prompt, entry.row());
                }
                if (entry.value() instanceof BigDecimal number) {
                    cell.setCellValue(number.doubleValue());
                } else {
                    cell.setCellValue(entry.value().toString());
                }
                typed.add(entry);
            }
        }
    }

    /** The nearest non-empty locked cell left of {@code cell} on its row, else above it in its column. */
    private static String label(XSSFSheet sheet, Cell cell) {
        Row row = cell.getRow();
        for (int column = cell.getColumnIndex() - 1; column >= 0; column--) {
            Cell left = row.getCell(column);
            if (left != null && left.getCellStyle().getLocked() && !SHOWN.formatCellValue(left).isEmpty()) {
                return SHOWN.formatCellValue(left);
            }
        }
        for (int above = cell.getRowIndex() - 1; above >= 0; above--) {
            Row line = sheet.getRow(above);
            Cell up = line == null ? null : line.getCell(cell.getColumnIndex());
            if (up != null && !SHOWN.formatCellValue(up).isEmpty()) {
                return SHOWN.formatCellValue(up);
            }
        }
        return "";
    }

    private static boolean insideButNotFirst(List<CellRangeAddress> merges, Cell cell) {
        return merges.stream().anyMatch(range -> range.isInRange(cell)
                && (range.getFirstRow() != cell.getRowIndex() || range.getFirstColumn() != cell.getColumnIndex()));
    }

    /** The typed values by {@code file|sheet|cell}. */
    static Map<String, Typed> byCell(List<Typed> typed) {
        Map<String, Typed> cells = new java.util.LinkedHashMap<>();
        typed.forEach(entry -> cells.put(entry.file() + "|" + entry.sheet() + "|" + entry.cell(), entry));
        return cells;
    }
}
