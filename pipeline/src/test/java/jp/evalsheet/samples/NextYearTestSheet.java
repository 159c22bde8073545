package jp.evalsheet.samples;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * TEST DATA, not a real submission: the FY2023 (R5) 施策評価シート of policy 611 as 人権庶務課 would
 * send it a year after seed 001, made from the R4 sheet by moving every year column on by one and
 * typing invented figures. It settles R4 (人権啓発推進事業 6,900 thousand yen against the R4 forecast
 * of 6,717) and forecasts R5 (7,200). Used by the multi-year tests only; never in {@code input/}.
 */
public final class NextYearTestSheet {

    /** The invented figures, by the label of their column in the R5 sheet. */
    static final Map<String, Double> PROJECT_COSTS = Map.of("R3決算", 5113.0, "R4決算", 6900.0, "R5決算見込み", 7200.0);
    static final Map<String, Double> INDICATOR_VALUES = Map.of("R3年度実績", 210.0, "R4年度実績", 372.0, "R5年度見込み", 450.0);

    public static void main(String[] args) throws IOException {
        Path output = Path.of(args[0]);
        Path r4 = Files.createTempFile("r4-", ".xlsx");
        new PolicySampleWorkbooks().write(r4, List.of("611"), PolicySampleWorkbooks.Layout.STANDARD);
        try (InputStream in = Files.newInputStream(r4); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            Sheet sheet = workbook.getSheetAt(0);
            workbook.setSheetName(0, "施策611（R5・テストデータ）");
            sheet.getRow(0).getCell(0).setCellValue("施策評価シート【テストデータ：実在の提出ではありません / TEST DATA】");
            Map<String, String> relabel = Map.of(
                    "R2年度実績", "R3年度実績", "R3年度実績", "R4年度実績", "R4年度見込み", "R5年度見込み",
                    "R2決算", "R3決算", "R3決算", "R4決算", "R4決算見込み", "R5決算見込み",
                    "R2年度", "R3年度", "R3年度", "R4年度", "R4年度(見込み)", "R5年度(見込み)");
            for (Row row : sheet) {
                for (Cell cell : row) {
                    if (cell.getCellType() == CellType.STRING && relabel.containsKey(cell.getStringCellValue())) {
                        String label = relabel.get(cell.getStringCellValue());
                        cell.setCellValue(label);
                        Double cost = PROJECT_COSTS.get(label);
                        Double value = INDICATOR_VALUES.get(label);
                        setBelow(sheet, cell, label, cost, value);
                    }
                }
            }
            workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
            try (OutputStream out = Files.newOutputStream(output)) {
                workbook.write(out);
            }
        } finally {
            Files.delete(r4);
        }
    }

    /** Puts the invented figure in the first row below a label that holds a value in that column. */
    private static void setBelow(Sheet sheet, Cell label, String text, Double cost, Double value) {
        Row next = sheet.getRow(label.getRowIndex() + 1);
        Cell below = next == null ? null : next.getCell(label.getColumnIndex());
        if (value != null && below != null) {
            below.setCellValue(value);
        }
        if (cost != null) {
            for (int r = label.getRowIndex() + 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                Cell name = row == null ? null : row.getCell(1);
                if (name != null && "人権啓発推進事業".equals(name.getStringCellValue())) {
                    row.getCell(label.getColumnIndex()).setCellValue(cost);
                }
                Cell first = row == null ? null : row.getCell(0);
                if (first != null && first.getCellType() == CellType.STRING && first.getStringCellValue().startsWith("計")) {
                    row.getCell(label.getColumnIndex()).setCellValue(cost);
                    return;
                }
            }
        }
        if (text.startsWith("R") && text.endsWith("年度") || text.endsWith("(見込み)")) {
            Map<String, Double> trend = Map.of("R3年度", 5113.0, "R4年度", 6900.0, "R5年度(見込み)", 7200.0);
            if (below != null) {
                below.setCellValue(trend.get(text));
            }
        }
    }
}
