package jp.evalsheet.samples;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes 施策評価シート workbooks laid out like the printed sheets of seed 001 (labels in Japanese,
 * merged cells, numbers typed as numbers with a display format or as text, the 計 row as a formula
 * in some departments), one workbook per owning department, from the truth tables.
 *
 * <p>Departments differ slightly, as real ones do: one writes the code and name in one cell, one
 * prints the 経年変化 block vertically, one inserts blank rows and renames column labels a little.
 * The .xls and CSV submissions in {@code input/} are converted from these by LibreOffice
 * ({@code pipeline/scripts/make-sample-input.sh}), not by this writer.
 */
public final class PolicySampleWorkbooks {

    /** How one department lays out its sheets. */
    public record Layout(boolean codeAndNameInOneCell, boolean verticalTrend, boolean formulaTotals,
            boolean blankRowsBetweenProjects, boolean renamedLabels, boolean spacedEraLabels) {

        public static final Layout STANDARD = new Layout(false, false, false, false, false, false);
    }

    private static final int LAST_COLUMN = 5;

    private final TruthTable sheets;
    private final TruthTable indicators;
    private final TruthTable projects;
    private final TruthTable totals;
    private final TruthTable narratives;

    /** The sample city's sheets, from the truth tables. */
    public PolicySampleWorkbooks() {
        this(TruthTable::load);
    }

    /**
     * Sheets from other tables of the same columns as the truth tables, e.g. the truth varied by the
     * benchmark's synthetic municipalities: {@code tables} gives the table of each truth table name.
     */
    public PolicySampleWorkbooks(Function<String, TruthTable> tables) {
        this.sheets = tables.apply("policy_sheet");
        this.indicators = tables.apply("policy_indicator");
        this.projects = tables.apply("policy_project_cost");
        this.totals = tables.apply("policy_cost_total");
        this.narratives = tables.apply("policy_narrative");
    }

    /** The policy codes of each owning department, in sheet order. */
    public Map<String, List<String>> policiesByDepartment() {
        Map<String, List<String>> byDepartment = new LinkedHashMap<>();
        for (Map<String, String> sheet : sheets.rows()) {
            byDepartment.computeIfAbsent(sheet.get("department"), d -> new ArrayList<>()).add(sheet.get("policy_code"));
        }
        return byDepartment;
    }

    /** Writes one .xlsx holding one sheet per policy code. */
    public void write(Path file, List<String> policyCodes, Layout layout) throws IOException {
        try (Workbook workbook = workbook(policyCodes, layout, new XSSFWorkbook())) {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (OutputStream out = Files.newOutputStream(file)) {
                workbook.write(out);
            }
        }
    }

    /**
     * Fills {@code workbook} (an empty {@link XSSFWorkbook} or {@link org.apache.poi.hssf.usermodel.HSSFWorkbook})
     * with one sheet per policy code, formulas evaluated, and returns it for the caller to save and close.
     */
    public Workbook workbook(List<String> policyCodes, Layout layout, Workbook workbook) {
        SampleStyles styles = new SampleStyles(workbook, false);
        for (String code : policyCodes) {
            Sheet sheet = workbook.createSheet("施策" + code);
            new SheetWriter(sheet, styles, layout).write(code);
        }
        workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
        return workbook;
    }

    public static void main(String[] args) throws IOException {
        Path outputDir = Path.of(args.length > 0 ? args[0] : "input");
        PolicySampleWorkbooks samples = new PolicySampleWorkbooks();
        Map<String, Layout> layouts = Map.of(
                "政策企画課", new Layout(false, true, true, true, false, false),
                "シティ・プロモーション課", new Layout(true, false, false, false, false, true),
                "財産管理課", new Layout(false, false, true, false, true, false));
        for (Map.Entry<String, List<String>> department : samples.policiesByDepartment().entrySet()) {
            Path file = outputDir.resolve("R4_施策評価シート_" + department.getKey() + ".xlsx");
            samples.write(file, department.getValue(), layouts.getOrDefault(department.getKey(), Layout.STANDARD));
            System.out.println("wrote " + file);
        }
    }

    private final class SheetWriter {
        private final Sheet sheet;
        private final SampleStyles styles;
        private final Layout layout;
        private int row;

        SheetWriter(Sheet sheet, SampleStyles styles, Layout layout) {
            this.sheet = sheet;
            this.styles = styles;
            this.layout = layout;
            sheet.setColumnWidth(0, 14 * 256);
            sheet.setColumnWidth(1, 44 * 256);
            for (int c = 2; c <= LAST_COLUMN; c++) {
                sheet.setColumnWidth(c, 14 * 256);
            }
        }

        void write(String code) {
            Map<String, String> header = sheets.where("policy_code", code).get(0);
            Map<String, String> narrative = new LinkedHashMap<>();
            for (Map<String, String> block : narratives.where("policy_code", code)) {
                narrative.put(block.get("block"), block.get("text"));
            }

            put(row, 0, "施策評価シート", styles.label);
            row += 2;
            if (layout.codeAndNameInOneCell()) {
                mergedText(code + " " + header.get("policy_name"), styles.label);
            } else {
                put(row, 0, code, styles.label);
                put(row, 1, header.get("policy_name"), styles.label);
                merge(row, row, 1, LAST_COLUMN);
                row++;
            }
            row++;
            put(row, 0, "担当課", styles.label);
            put(row, 1, header.get("department"), styles.text);
            put(row, 2, "関連課", styles.label);
            put(row, 3, header.get("related_departments"), styles.wrapped);
            merge(row, row, 3, LAST_COLUMN);
            row++;
            labelledText("目指す姿", narrative.get("target_state"));
            labelledText("まち・ひと・しごと目標", header.get("machi_hito_shigoto_goal"));
            row++;

            List<Map<String, String>> sheetIndicators = indicators.where("policy_code", code);
            for (int number = 1; number <= 2; number++) {
                Map<String, String> indicator = number <= sheetIndicators.size() ? sheetIndicators.get(number - 1) : null;
                writeIndicator(number, indicator);
            }

            block("1 実施内容", narrative.get("implementation"));
            block("2 審議会等第三者機関の評価・意見", narrative.get("third_party_opinion"));
            heading("3 進捗状況");
            mergedText(header.get("progress_as_printed"), styles.text);
            block("【判断の根拠】", narrative.get("progress_basis"));
            block("【外的要因】", narrative.get("external_factors"));
            heading("4 必要性");
            mergedText(header.get("necessity_as_printed"), styles.text);
            mergedText(narrative.get("necessity_reason"), styles.wrapped);
            row++;

            writeProjects(code);
            writeTrend(code);

            block("6 現状と課題の分析", narrative.get("analysis"));
            block("7 今後の展開", narrative.get("outlook"));
            block("8 行政と市民の役割分担", narrative.get("role_sharing"));
            block("9 所管部の総括", narrative.get("summary"));
        }

        private void writeIndicator(int number, Map<String, String> indicator) {
            put(row, 0, "指標 " + number, styles.label);
            String tag = indicator == null ? "" : indicator.get("mhs_tag");
            if (!tag.isEmpty()) {
                put(row, 1, tag, styles.text);
                merge(row, row, 1, LAST_COLUMN);
                row++;
            }
            put(row, 1, indicator == null ? "—" : indicator.get("name_as_printed"), styles.text);
            merge(row, row, 1, LAST_COLUMN);
            row++;
            put(row, 1, indicator == null ? "—" : indicator.get("description"), styles.wrapped);
            merge(row, row, 1, LAST_COLUMN);
            row++;
            String[] labels = layout.renamedLabels()
                    ? new String[] {"R2年度実績", "R3年度実績", "R4年度見込", "最終年度目標（R7年度）"}
                    : layout.spacedEraLabels()
                    ? new String[] {"R 2 年度実績", "R 3 年度実績", "R 4 年度見込み", "最終年度目標 (R 7 年度)"}
                    : new String[] {"R2年度実績", "R3年度実績", "R4年度見込み", "最終年度目標 (R7年度)"};
            for (int i = 0; i < labels.length; i++) {
                put(row, 1 + i, labels[i], styles.label);
            }
            row++;
            if (indicator != null) {
                String[] raws = {indicator.get("actual_R2"), indicator.get("actual_R3"),
                        indicator.get("forecast_R4"), indicator.get("target_R7")};
                for (int i = 0; i < raws.length; i++) {
                    putValue(row, 1 + i, raws[i]);
                }
            }
            row += 2;
        }

        private void writeProjects(String code) {
            heading("5 施策構成事務事業の優先度評価");
            mergedText("※事務事業評価の判定を踏まえて、今後の方向性を判断", styles.text);
            int top = row;
            put(top, 0, "番号", styles.label);
            put(top, 1, layout.renamedLabels() ? "施策を構成する事務事業" : "施策を構成する事務事業名", styles.label);
            put(top, 2, "総コスト（事業費+人件費 単位：千円）", styles.label);
            put(top, 5, "今後の方向性※", styles.label);
            merge(top, top, 2, 4);
            merge(top, top + 1, 0, 0);
            merge(top, top + 1, 1, 1);
            merge(top, top + 1, 5, 5);
            put(top + 1, 2, "R2決算", styles.label);
            put(top + 1, 3, "R3決算", styles.label);
            put(top + 1, 4, layout.renamedLabels() ? "R4決算見込" : "R4決算見込み", styles.label);
            row = top + 2;
            int first = row;
            List<Map<String, String>> rows = projects.where("policy_code", code);
            for (Map<String, String> project : rows) {
                if (layout.blankRowsBetweenProjects() && Integer.parseInt(project.get("row_no")) % 10 == 0) {
                    row++;
                }
                put(row, 0, project.get("row_no"), styles.text);
                put(row, 1, project.get("project_name_as_printed"), styles.text);
                putValue(row, 2, project.get("cost_R2_raw"));
                putValue(row, 3, project.get("cost_R3_raw"));
                putValue(row, 4, project.get("cost_R4_forecast_raw"));
                put(row, 5, project.get("direction"), styles.text);
                row++;
            }
            for (int blank = rows.size() + 1; blank <= rows.size() + 3; blank++) {
                put(row++, 0, String.valueOf(blank), styles.text);
            }
            int last = row - 1;
            Map<String, String> total = totals.where("policy_code", code).get(0);
            put(row, 0, "計（単位：千円）", styles.label);
            merge(row, row, 0, 1);
            String[] raws = {total.get("R2"), total.get("R3"), total.get("R4_forecast")};
            for (int i = 0; i < 3; i++) {
                if (layout.formulaTotals()) {
                    String column = String.valueOf((char) ('C' + i));
                    Cell cell = sheet.getRow(row) == null ? sheet.createRow(row).createCell(2 + i) : cellAt(row, 2 + i);
                    cell.setCellFormula("SUM(" + column + (first + 1) + ":" + column + (last + 1) + ")");
                    cell.setCellStyle(styles.number("#,##0"));
                } else {
                    putValue(row, 2 + i, raws[i]);
                }
            }
            row += 2;
        }

        private void writeTrend(String code) {
            Map<String, String> trend = totals.rows().stream()
                    .filter(r -> r.get("policy_code").equals(code) && r.get("row_type").contains("経年変化"))
                    .findFirst().orElseThrow();
            String[] labels = {"R2年度", "R3年度", "R4年度(見込み)"};
            String[] raws = {trend.get("R2"), trend.get("R3"), trend.get("R4_forecast")};
            put(row, 0, "総コスト（事業費+人件費）の経年変化 単位：千円", styles.label);
            merge(row, row, 0, LAST_COLUMN);
            row++;
            if (layout.verticalTrend()) {
                for (int i = 0; i < 3; i++) {
                    put(row, 1, labels[i], styles.label);
                    putValue(row, 2, raws[i]);
                    row++;
                }
            } else {
                for (int i = 0; i < 3; i++) {
                    put(row, 1 + i, labels[i], styles.label);
                    putValue(row + 1, 1 + i, raws[i]);
                }
                row += 2;
            }
            row++;
        }

        private void labelledText(String label, String text) {
            put(row, 0, label, styles.label);
            put(row, 1, text, styles.wrapped);
            merge(row, row, 1, LAST_COLUMN);
            row++;
        }

        private void heading(String heading) {
            put(row, 0, heading, styles.label);
            merge(row, row, 0, LAST_COLUMN);
            row++;
        }

        private void block(String heading, String text) {
            heading(heading);
            mergedText(text, styles.wrapped);
            row++;
        }

        private void mergedText(String text, CellStyle style) {
            put(row, 0, text, style);
            merge(row, row, 0, LAST_COLUMN);
            row++;
        }

        /** Writes a printed value the way a department types it: a number with a display format, else text. */
        private void putValue(int r, int c, String raw) {
            if (raw == null || raw.isEmpty()) {
                return;
            }
            String plain = raw.replace(",", "");
            if (plain.matches("-?\\d+(\\.\\d+)?%")) {
                BigDecimal percent = new BigDecimal(plain.substring(0, plain.length() - 1));
                int scale = Math.max(percent.scale(), 0);
                Cell cell = cellAt(r, c);
                cell.setCellValue(percent.movePointLeft(2).doubleValue());
                cell.setCellStyle(styles.number(scale == 0 ? "0%" : "0." + "0".repeat(scale) + "%"));
            } else if (plain.matches("-?\\d+(\\.\\d+)?")) {
                BigDecimal number = new BigDecimal(plain);
                Cell cell = cellAt(r, c);
                cell.setCellValue(number.doubleValue());
                String format = raw.contains(",") || (number.scale() == 0 && number.abs().compareTo(BigDecimal.valueOf(1000)) >= 0)
                        ? "#,##0" : number.scale() == 0 ? "0" : "0." + "0".repeat(number.scale());
                cell.setCellStyle(styles.number(format));
            } else {
                put(r, c, raw, styles.text);
            }
        }

        private void put(int r, int c, String text, CellStyle style) {
            if (text == null) {
                return;
            }
            Cell cell = cellAt(r, c);
            cell.setCellValue(text);
            cell.setCellStyle(style);
        }

        private Cell cellAt(int r, int c) {
            Row sheetRow = sheet.getRow(r) == null ? sheet.createRow(r) : sheet.getRow(r);
            return sheetRow.getCell(c) == null ? sheetRow.createCell(c) : sheetRow.getCell(c);
        }

        private void merge(int firstRow, int lastRow, int firstColumn, int lastColumn) {
            sheet.addMergedRegion(new CellRangeAddress(firstRow, lastRow, firstColumn, lastColumn));
        }
    }
}
