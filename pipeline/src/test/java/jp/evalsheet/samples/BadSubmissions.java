package jp.evalsheet.samples;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import jp.evalsheet.grid.CsvReader;

/**
 * A corpus of bad submissions, built at test time from the committed good files in {@code input/} (and
 * the password-protected fixtures, which cannot be generated): each file is named after its case and
 * edited the way a department gets a sheet wrong, with POI or as bytes. Every {@link Case} says what a
 * run must make of its file: the outcome in {@code etl_file_loads} and the messages (rule, sheet, cell,
 * what was expected).
 *
 * <p>Sheets that a run loads get subjects no other case loads (a subject submitted twice in one run is
 * rejected), so the whole corpus goes into one run next to {@code input/}. Large files (a sheet of a
 * million rows, a zip bomb) are written here, never committed.
 */
public final class BadSubmissions {

    public static final String HUMAN_RIGHTS = "R4_施策評価シート_人権庶務課.xlsx";
    public static final String CITY_PROMOTION = "R4_施策評価シート_シティ・プロモーション課.xlsx";
    public static final String POLICY_PLANNING = "R4_施策評価シート_政策企画課.xlsx";
    public static final String PROPERTY = "R4_施策評価シート_財産管理課.xlsx";
    public static final String COMMUNITY = "R4_施策評価シート_地域づくり支援課.xls";
    public static final String FINANCE = "R4_施策評価シート_財政課.csv";
    public static final String WELFARE = "R5_地域福祉計画評価シート_地域福祉推進課.xlsx";
    public static final String WELFARE_CSV = "R5_地域福祉計画評価シート_高齢者・児童福祉課-(2)①.csv";
    public static final String STRATEGY_1 = "R6_総合戦略効果検証_基本目標1.xlsx";
    public static final String STRATEGY_2 = "R6_総合戦略効果検証_基本目標2.xlsx";

    /** Where a message must show up: the run log, {@code v_data_quality_findings}, or both. */
    public enum Shown {
        /** In {@code etl_messages} and in {@code v_data_quality_findings}. */
        LOG_AND_VIEW,
        /** In {@code v_data_quality_findings} only: a cross-check over the loaded facts. */
        VIEW_ONLY
    }

    /** A message a case must produce; {@code sheet} and {@code cell} are {@code null} when none applies. */
    public record Expected(String severity, String rule, String sheet, String cell, String says, String rawText,
            Shown shown) {

        static Expected error(String rule, String sheet, String cell, String says, String rawText) {
            return new Expected("error", rule, sheet, cell, says, rawText, Shown.LOG_AND_VIEW);
        }

        static Expected fileError(String rule, String says) {
            return new Expected("error", rule, null, null, says, null, Shown.LOG_AND_VIEW);
        }

        /** rule|sheet|cell, as the tests compare them. */
        public String key() {
            return severity + "|" + rule + "|" + sheet + "|" + cell;
        }
    }

    /** A subject the case resubmits: the plan and subject code of {@code v_current_sheet_loads}. */
    public record Subject(String planId, String subjectCode) {

        static Subject policy(String code) {
            return new Subject("comprehensive_plan", code);
        }
    }

    /**
     * One bad submission.
     *
     * @param name the case, e.g. {@code truncated}
     * @param file the file name in the input folder
     * @param outcome the expected {@code etl_file_loads.outcome}, or {@code null} when the file must be ignored
     * @param messages every message the file must produce, and no other
     * @param keeps subjects whose published version the run must keep (the case is rejected)
     * @param replaces subjects the case loads (with warnings at most)
     */
    public record Case(String name, String file, String outcome, List<Expected> messages, List<Subject> keeps,
            List<Subject> replaces) {

        @Override
        public String toString() {
            return file;
        }
    }

    private final Path input;
    private final Path folder;
    private final Path gridFixtures;
    private final List<Case> cases = new ArrayList<>();
    private int number;

    private BadSubmissions(Path input, Path folder, Path gridFixtures) {
        this.input = input;
        this.folder = folder;
        this.gridFixtures = gridFixtures;
    }

    /**
     * Writes every case that belongs in one run next to {@code input/} into {@code folder} and returns
     * the cases in file order.
     */
    public static List<Case> writeAll(Path input, Path gridFixtures, Path folder) {
        try {
            Files.createDirectories(folder);
            BadSubmissions corpus = new BadSubmissions(input, folder, gridFixtures);
            corpus.build();
            return List.copyOf(corpus.cases);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes the case of a sheet of another evaluation year, for a run with {@code --fiscal-year=R4}:
     * the strategy verification of R6 (2024).
     */
    public static Case writeFiscalYearMismatch(Path input, Path folder) {
        try {
            Files.createDirectories(folder);
            String file = "bad-fiscal-year_R6-strategy-in-an-R4-run.xlsx";
            Files.copy(input.resolve(STRATEGY_2), folder.resolve(file), StandardCopyOption.REPLACE_EXISTING);
            return new Case("fiscal-year-mismatch", file, "rejected", List.of(Expected.error("fiscal_year_mismatch",
                    "基本目標2", null, "the sheet is the evaluation of FY2024 (R6) but this run loads FY2022 (R4)", null)),
                    List.of(), List.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void build() throws IOException {
        unreadableFiles();
        filesOfNoKnownFamily();
        policySheetErrors();
        strategyAndWelfareErrors();
        duplicateSubmission();
        warningsThatStillLoad();
        csvEncodings();
        legacyFormats();
        brokenResubmission();
    }

    // ---------------------------------------------------------------- files that cannot be read at all

    private void unreadableFiles() throws IOException {
        byte[] workbook = Files.readAllBytes(input.resolve(HUMAN_RIGHTS));
        String truncated = write("truncated.xlsx", Arrays.copyOf(workbook, workbook.length / 2));
        add("truncated", truncated, "rejected", Expected.fileError("unreadable_file",
                "the file is not a readable .xlsx workbook (damaged or truncated); open it in Excel, save it as .xlsx"));

        byte[] random = new byte[8192];
        new Random(20240401L).nextBytes(random);
        random[0] = 'x';
        String noise = write("random-bytes.xlsx", random);
        add("random bytes", noise, "rejected", Expected.fileError("unreadable_file",
                "not a workbook: the file is named .xlsx but holds neither an Excel workbook nor CSV text"));

        String lockedXlsx = copy(gridFixtures.resolve("password-protected.xlsx"), "password-protected.xlsx");
        add("password-protected .xlsx", lockedXlsx, "rejected", Expected.fileError("unreadable_file",
                "the workbook is password-protected; save it without a password and submit it again"));
        String lockedXls = copy(gridFixtures.resolve("password-protected.xls"), "password-protected.xls");
        add("password-protected .xls", lockedXls, "rejected", Expected.fileError("unreadable_file",
                "the workbook is password-protected; save it without a password and submit it again"));

        String bomb = name("zip-bomb.xlsx");
        writeZipBomb(input.resolve(PROPERTY), folder.resolve(bomb));
        add("zip bomb", bomb, "rejected", new Expected("error", "unreadable_file", "施策653", null,
                "(a possible zip bomb), so it was not read", null, Shown.LOG_AND_VIEW));

        String rows = name("million-rows.xlsx");
        writeMillionRows(folder.resolve(rows));
        add("a sheet of a million rows", rows, "rejected", new Expected("error", "unreadable_file", "貼り付けデータ", null,
                "sheet '貼り付けデータ' has cells beyond row 100,000, but an evaluation sheet has a few hundred rows", null,
                Shown.LOG_AND_VIEW));

        String empty = write("empty.xlsx", new byte[0]);
        add("empty file", empty, "rejected", Expected.fileError("unreadable_file", "the file is empty"));

        // Excel's owner file of an open workbook: never a submission
        byte[] owner = new byte[165];
        byte[] user = "総務 太郎".getBytes(StandardCharsets.UTF_16LE);
        owner[0] = 5;
        System.arraycopy(user, 0, owner, 1, user.length);
        String lock = "~$" + name("lock-file.xlsx");
        Files.write(folder.resolve(lock), owner);
        cases.add(new Case("Excel lock file", lock, null, List.of(), List.of(), List.of()));
    }

    /** An .xlsx whose sheet part inflates from some 30 kilobytes to 32 MB of blanks (POI refuses below a ratio of 1%). */
    private static void writeZipBomb(Path source, Path target) throws IOException {
        try (ZipFile zip = new ZipFile(source.toFile());
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(target))) {
            out.setLevel(Deflater.BEST_COMPRESSION);
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                out.putNextEntry(new ZipEntry(entry.getName()));
                if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
                    out.write(("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<worksheet xmlns="
                            + "\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>")
                            .getBytes(StandardCharsets.UTF_8));
                    byte[] blanks = new byte[1 << 20];
                    Arrays.fill(blanks, (byte) ' ');
                    for (int i = 0; i < 32; i++) {
                        out.write(blanks);
                    }
                    out.write("</sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
                } else {
                    try (InputStream in = zip.getInputStream(entry)) {
                        in.transferTo(out);
                    }
                }
                out.closeEntry();
            }
        }
    }

    /** A workbook whose only sheet holds a million rows of pasted data, streamed so the build stays small. */
    private static void writeMillionRows(Path target) throws IOException {
        SXSSFWorkbook workbook = new SXSSFWorkbook(100);
        try (OutputStream out = Files.newOutputStream(target)) {
            Sheet sheet = workbook.createSheet("貼り付けデータ");
            sheet.createRow(0).createCell(0).setCellValue("施策評価シート");
            for (int r = 1; r < 1_000_000; r++) {
                sheet.createRow(r).createCell(0).setCellValue(r);
            }
            workbook.write(out);
        } finally {
            workbook.close();
        }
    }

    // ---------------------------------------------------------------- readable, but nothing to load

    private void filesOfNoKnownFamily() throws IOException {
        String budget = name("wrong-family-budget-table.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet("令和4年度予算");
            String[][] rows = {
                {"令和4年度 一般会計予算 歳出", "", "", ""},
                {"款", "項", "目", "予算額（千円）"},
                {"総務費", "総務管理費", "一般管理費", "1,234,567"},
                {"民生費", "社会福祉費", "社会福祉総務費", "2,345,678"},
            };
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    if (!rows[r][c].isEmpty()) {
                        row.createCell(c).setCellValue(rows[r][c]);
                    }
                }
            }
            save(workbook, folder.resolve(budget));
        }
        add("a workbook of the wrong family (a budget table)", budget, "rejected",
                new Expected("warning", "unknown_sheet_family", "令和4年度予算", null,
                        "the sheet is of no known family", null, Shown.LOG_AND_VIEW),
                Expected.fileError("unknown_sheet_family", "no sheet of a known family: expected a 施策評価シート"));

        String empty = name("no-known-family-only-an-empty-sheet.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            workbook.createSheet("Sheet1");
            save(workbook, folder.resolve(empty));
        }
        add("a workbook of no known family (only an empty sheet)", empty, "rejected",
                Expected.fileError("unknown_sheet_family", "no sheet of a known family"));
    }

    // ---------------------------------------------------------------- policy sheets with an error

    private void policySheetErrors() throws IOException {
        String noDepartment = name("policy-without-department.xlsx");
        editXlsx(HUMAN_RIGHTS, noDepartment, List.of("施策621"), workbook -> {
            Cell label = find(workbook.getSheet("施策621"), "担当課");
            Row row = label.getRow();
            row.removeCell(row.getCell(label.getColumnIndex() + 1));
            row.removeCell(label);
        });
        add("a policy sheet missing 担当課", noDepartment, "rejected", List.of(Expected.error("missing_label", "施策621",
                null, "expected the label 担当課 (owning department) with the department name to its right", null)),
                List.of(Subject.policy("621")), List.of());

        String blankDepartment = name("policy-blank-department.xls");
        editXls(COMMUNITY, blankDepartment, List.of("施策632"), workbook -> {
            Cell label = find(workbook.getSheet("施策632"), "担当課");
            label.getRow().removeCell(label.getRow().getCell(label.getColumnIndex() + 1));
        });
        add("a policy sheet whose 担当課 is blank", blankDepartment, "rejected", List.of(Expected.error(
                "missing_department", "施策632", "B5", "expected the name of the owning department right of 担当課", null)),
                List.of(Subject.policy("632")), List.of());

        String noTable = name("policy-without-project-table.xlsx");
        editXlsx(HUMAN_RIGHTS, noTable, List.of("施策622"), workbook -> {
            Sheet sheet = workbook.getSheet("施策622");
            int from = find(sheet, "5 施策構成事務事業の優先度評価").getRowIndex();
            int to = find(sheet, "6 現状と課題の分析").getRowIndex();
            for (int r = from; r < to; r++) {
                if (sheet.getRow(r) != null) {
                    sheet.removeRow(sheet.getRow(r));
                }
            }
        });
        add("a policy sheet missing the project table", noTable, "rejected", List.of(Expected.error("missing_label",
                "施策622", null, "expected the table 5 施策構成事務事業 with the columns 事務事業名, R?決算 and 今後の方向性", null)),
                List.of(Subject.policy("622")), List.of());

        String[] textCell = new String[1];
        String textCost = name("policy-text-in-cost-cell.xlsx");
        editXlsx(HUMAN_RIGHTS, textCost, List.of("施策611"), workbook -> {
            Cell cell = costCell(workbook.getSheet("施策611"), "人権啓発推進事業", "R3決算");
            cell.setCellValue("約5千");
            textCell[0] = cell.getAddress().formatAsString();
        });
        add("text in a cost cell", textCost, "rejected", List.of(Expected.error("cost_not_a_number", "施策611", textCell[0],
                "expected a cost in thousand yen such as 10,059, or - for none", "約5千")),
                List.of(Subject.policy("611")), List.of());

        String[] negativeCell = new String[1];
        String negative = name("policy-negative-cost.xlsx");
        editXlsx(POLICY_PLANNING, negative, List.of("施策654"), workbook -> {
            Cell cell = firstCostCell(workbook.getSheet("施策654"), "決算見込");
            cell.setCellValue(-cell.getNumericCellValue());
            negativeCell[0] = cell.getAddress().formatAsString();
        });
        add("a negative cost", negative, "rejected", List.of(Expected.error("negative_cost", "施策654", negativeCell[0],
                "expected a cost of 0 or more thousand yen, found a negative cost", null),
                partialReplacement("施策654", "654")),
                List.of(Subject.policy("654")), List.of());

        String[] absurdCell = new String[1];
        String absurd = name("policy-absurd-cost.xlsx");
        editXlsx(POLICY_PLANNING, absurd, List.of("施策655"), workbook -> {
            Cell cell = firstCostCell(workbook.getSheet("施策655"), "決算見込");
            cell.setCellValue(1_234_567_890);  // 1.2 trillion yen: digits typed twice, or yen typed as thousand yen
            absurdCell[0] = cell.getAddress().formatAsString();
        });
        add("an absurd cost (more than 100 billion yen)", absurd, "rejected", List.of(Expected.error("absurd_cost", "施策655",
                absurdCell[0], "expected a cost in thousand yen of at most 100,000,000 (100 billion yen)", "1,234,567,890"),
                partialReplacement("施策655", "655")),
                List.of(Subject.policy("655")), List.of());

        ratingCase("rating-5", "a rating ⑤ on a scale of 1 to 4", CITY_PROMOTION, "施策656", "3 進捗状況",
                "1 2 3 4 ⑤ … 順調", "3 進捗状況: expected a rating from 1 to 4, found ⑤");
        ratingCase("rating-without-circled-digit", "a rating line without a circled digit", HUMAN_RIGHTS, "施策611",
                "4 必要性", "1 2 3 4 … 社会的なニーズは現状と変わらない",
                "4 必要性: expected exactly one circled digit ①–④ marking the rating, found none");
        ratingCase("rating-two-circled-digits", "a rating line with two circled digits", POLICY_PLANNING, "施策654",
                "3 進捗状況", "1 ② ③ 4 … おおむね順調",
                "3 進捗状況: expected exactly one circled digit ①–④ marking the rating, found 2 (②, ③)");

        String[] yearCell = new String[1];
        String era = name("policy-unknown-era-year-Q4.xlsx");
        editXlsx(POLICY_PLANNING, era, List.of("施策655"), workbook -> {
            Cell cell = find(workbook.getSheet("施策655"), "R4年度見込み");
            cell.setCellValue("Q4年度見込み");
            yearCell[0] = cell.getAddress().formatAsString();
        });
        add("an unknown era year in a year header (Q4年度見込み)", era, "rejected", List.of(Expected.error(
                "invalid_year_header", "施策655", yearCell[0],
                "expected an era fiscal year such as R4, R4年度見込み or 令和4年度 in the column label of 指標 1, found Q4年度見込み",
                "Q4年度見込み")), List.of(Subject.policy("655")), List.of());
    }

    private void ratingCase(String caseFile, String description, String source, String sheetName, String heading,
            String typed, String says) throws IOException {
        String[] cell = new String[1];
        String file = name("policy-" + caseFile + ".xlsx");
        editXlsx(source, file, List.of(sheetName), workbook -> {
            Sheet sheet = workbook.getSheet(sheetName);
            int headingRow = find(sheet, heading).getRowIndex();
            Cell rating = sheet.getRow(headingRow + 1).getCell(0);
            rating.setCellValue(typed);
            cell[0] = rating.getAddress().formatAsString();
        });
        add(description, file, "rejected", List.of(Expected.error("invalid_rating", sheetName, cell[0], says, typed)),
                List.of(Subject.policy(sheetName.substring(2))), List.of());
    }

    // ---------------------------------------------------------------- strategy and welfare sheets with an error

    /**
     * A row error in a sheet that would replace a published one: the sheet is rejected at publishing,
     * so that the published rows are not lost.
     */
    private static Expected partialReplacement(String sheet, String subject) {
        return Expected.error("partial_replacement", sheet, null, "would replace subject " + subject + " as published from",
                null);
    }

    /**
     * The two cases of goal 1 (a status D, a year R0) each lose a row, and then both submit subject 1
     * in the same run: neither is loaded, whatever its rows.
     */
    private static Expected alsoSubmitted(String sheet, String subject) {
        return Expected.error("duplicate_submission", sheet, null, "subject " + subject + " of fiscal year 2024 is also "
                + "submitted in", null);
    }

    private void strategyAndWelfareErrors() throws IOException {
        String status = name("strategy-status-D.xlsx");
        String[] statusCell = new String[1];
        editXlsx(STRATEGY_1, status, List.of("基本目標1"), workbook -> {
            Cell cell = find(workbook.getSheet("基本目標1"), "B　目標達成\n（見込み）");
            cell.setCellValue("D　評価不能");
            statusCell[0] = cell.getAddress().formatAsString();
        });
        add("a strategy status D", status, "rejected", List.of(Expected.error("invalid_status", "基本目標1", statusCell[0],
                "the status (評価) of 数値目標 '民営事業所従業員数の向上': expected a status A, B or C, found \"D　評価不能\"",
                "D　評価不能"), alsoSubmitted("基本目標1", "1")), List.of(new Subject("regional_strategy_2", "1")), List.of());

        String baseline = name("strategy-baseline-year-R0.xlsx");
        String[] baselineCell = new String[1];
        editXlsx(STRATEGY_1, baseline, List.of("基本目標1"), workbook -> {
            Cell cell = find(workbook.getSheet("基本目標1"), "（H28）");
            cell.setCellValue("（R0）");
            baselineCell[0] = cell.getAddress().formatAsString();
        });
        add("an unknown era year as a baseline year (R0)", baseline, "rejected", List.of(Expected.error(
                "invalid_baseline_year", "基本目標1", baselineCell[0], "expected the year of the baseline (策定当初) of "
                        + "数値目標 '民営事業所従業員数の向上' as an era year such as (R1), (H28) or (R元), found （R0）", "（R0）"),
                alsoSubmitted("基本目標1", "1")),
                List.of(new Subject("regional_strategy_2", "1")), List.of());

        String about = name("strategy-value-about-40.xlsx");
        String[] aboutCell = new String[1];
        editXlsx(STRATEGY_2, about, List.of("基本目標2"), workbook -> {
            // the R5 actual (column H) of the KPI ③ 公園・緑地管理ボランティア団体数, a row of numbers
            Cell cell = find(workbook.getSheet("基本目標2"), "公園・緑地管理ボランティア団体数").getRow().getCell(7);
            cell.setCellValue("約40");
            aboutCell[0] = cell.getAddress().formatAsString();
        });
        add("a strategy value 約40 in a numeric column", about, "rejected", List.of(Expected.error("value_not_a_number",
                "基本目標2", aboutCell[0], "expected a number such as 40,923, 58.2% or -84", "約40"),
                partialReplacement("基本目標2", "2")),
                List.of(new Subject("regional_strategy_2", "2")), List.of());

        String grade = name("welfare-evaluation-S.xlsx");
        String[] gradeCell = new String[1];
        editXlsx(WELFARE, grade, List.of("(1)③"), workbook -> {
            Cell cell = find(workbook.getSheet("(1)③"), "B　ある程度進捗している");
            cell.setCellValue("S　大きく進捗している");
            gradeCell[0] = cell.getAddress().formatAsString();
        });
        add("a welfare evaluation S", grade, "rejected", List.of(Expected.error("invalid_evaluation", "(1)③", gradeCell[0],
                "評価: expected a status A, B or C, found \"S　大きく進捗している\"", "S　大きく進捗している")),
                List.of(new Subject("welfare_plan_4", "1-3")), List.of());
    }

    // ---------------------------------------------------------------- the same policy twice in one run

    private void duplicateSubmission() throws IOException {
        String first = name("duplicate-611-from-the-department.xlsx");
        editXlsx(HUMAN_RIGHTS, first, List.of("施策611"), workbook -> {
        });
        String second = name("duplicate-611-from-the-section-chief.xlsx");
        editXlsx(HUMAN_RIGHTS, second, List.of("施策611"), workbook -> find(workbook.getSheet("施策611"), "目指す姿")
                .getRow().getCell(1).setCellValue("差別のない明るい社会になっている。"));
        cases.add(new Case("the same policy submitted twice in one run (1)", first, "rejected", List.of(
                Expected.error("duplicate_submission", "施策611", null, "subject 611 of fiscal year 2022 is also submitted in "
                        + second + " (sheet 施策611) in this run; neither was loaded: submit exactly one of them", null)),
                List.of(Subject.policy("611")), List.of()));
        cases.add(new Case("the same policy submitted twice in one run (2)", second, "rejected", List.of(
                Expected.error("duplicate_submission", "施策611", null, "subject 611 of fiscal year 2022 is also submitted in "
                        + first + " (sheet 施策611) in this run; neither was loaded: submit exactly one of them", null)),
                List.of(Subject.policy("611")), List.of()));
    }

    // ---------------------------------------------------------------- warnings: the sheet still loads

    private void warningsThatStillLoad() throws IOException {
        String[] totalCell = new String[1];
        String total = name("printed-total-differs.xlsx");
        editXlsx(HUMAN_RIGHTS, total, List.of("施策612"), workbook -> {
            Sheet sheet = workbook.getSheet("施策612");
            Cell cell = costCell(sheet, "計（単位：千円）", "R4決算見込み");
            cell.setCellValue(cell.getNumericCellValue() + 1000);
            totalCell[0] = cell.getAddress().formatAsString();
        });
        add("a printed 計 that differs from the sum of its projects", total, "loaded", List.of(new Expected("warning",
                "printed_total_differs_from_projects", "施策612", totalCell[0], "policy 612 FY2022: the printed 計 is ",
                null, Shown.VIEW_ONLY)), List.of(), List.of(Subject.policy("612")));

        String[] missingCell = new String[3];
        String missing = name("formula-without-cached-value.xlsx");
        editXlsx(POLICY_PLANNING, missing, List.of("施策641"), workbook -> {
            XSSFCell cell = (XSSFCell) firstCostCell(workbook.getSheet("施策641"), "決算見込");
            String previousYear = new CellReference(cell.getRowIndex(), cell.getColumnIndex() - 1).formatAsString();
            cell.setCellFormula("ROUND(" + previousYear + "*1.05,0)");
            if (cell.getCTCell().isSetV()) {
                cell.getCTCell().unsetV();  // saved by a tool that never calculates
            }
            missingCell[0] = cell.getAddress().formatAsString();
            Sheet sheet = workbook.getSheet("施策641");
            missingCell[1] = costCell(sheet, "計（単位：千円）", "R4決算見込み").getAddress().formatAsString();
            missingCell[2] = trendCell(sheet, "R4年度(見込み)").getAddress().formatAsString();
        });
        add("a formula whose cached value is missing", missing, "loaded", List.of(new Expected("warning",
                "formula_without_cached_value", "施策641", missingCell[0], "has no calculated value saved in the file; "
                        + "open and save the workbook in Excel so the value is stored", null, Shown.LOG_AND_VIEW),
                // the printed 計 and 経年変化 keep their own values, which its projects no longer add up to
                new Expected("warning", "printed_total_differs_from_projects", "施策641", missingCell[1],
                        "but its projects (without 【再掲】) add up to 0", null, Shown.VIEW_ONLY),
                new Expected("warning", "printed_trend_differs_from_projects", "施策641", missingCell[2],
                        "but its projects (without 【再掲】) add up to 0", null, Shown.VIEW_ONLY)),
                List.of(), List.of(Subject.policy("641")));

        String cached = name("formula-with-cached-value.xlsx");
        editXlsx(POLICY_PLANNING, cached, List.of("施策651"), workbook -> {
            Cell cell = firstCostCell(workbook.getSheet("施策651"), "決算見込");
            double value = cell.getNumericCellValue();
            cell.setCellFormula(Math.round(value / 2) + "+" + Math.round(value - Math.round(value / 2)));
            workbook.getCreationHelper().createFormulaEvaluator().evaluateFormulaCell(cell);
            if (cell.getNumericCellValue() != value) {
                throw new IllegalStateException("the cached value " + cell.getNumericCellValue() + " is not " + value);
            }
        });
        add("a formula with a cached value", cached, "loaded", List.of(), List.of(), List.of(Subject.policy("651")));

        String hidden = name("hidden-sheet.xlsx");
        editXlsx(CITY_PROMOTION, hidden, List.of("施策642", "施策656"), workbook ->
                workbook.setSheetHidden(workbook.getSheetIndex("施策656"), true));
        add("a hidden sheet", hidden, "loaded", List.of(new Expected("warning", "hidden_sheet", "施策656", null,
                "the sheet is hidden and was not loaded; unhide it if it should be", null, Shown.LOG_AND_VIEW),
                // a cross-check of the published 642, now found in the file that replaced it (README: the X followers)
                new Expected("warning", "same_indicator_different_targets", "施策642", "E18",
                        "its FY2025 target is 14200.0 there 15000.0", null, Shown.VIEW_ONLY)),
                List.of(Subject.policy("656")), List.of(Subject.policy("642")));

        // a name with spaces, Japanese and brackets, as departments name their files; it loads as any other
        String spaced = "bad-" + String.format("%02d", ++number) + " 再提出 高齢者・児童福祉課 (2)① 最終版.csv";
        byte[] csv = Files.readAllBytes(input.resolve(WELFARE_CSV));
        byte[] resaved = Arrays.copyOf(csv, csv.length + 2);
        resaved[csv.length] = '\r';
        resaved[csv.length + 1] = '\n';
        Files.write(folder.resolve(spaced), resaved);
        cases.add(new Case("a file name with spaces and Japanese characters", spaced, "loaded", List.of(), List.of(),
                List.of(new Subject("welfare_plan_4", "2-1"))));
    }

    // ---------------------------------------------------------------- CSV that is neither CP932 nor UTF-8

    private void csvEncodings() throws IOException {
        String text = new String(Files.readAllBytes(input.resolve(FINANCE)), CsvReader.CP932);
        ByteArrayOutputStream utf16 = new ByteArrayOutputStream();
        utf16.write(new byte[] {(byte) 0xFF, (byte) 0xFE});
        utf16.write(text.getBytes(StandardCharsets.UTF_16LE));
        String utf16File = write("csv-utf16.csv", utf16.toByteArray());
        add("a CSV in UTF-16", utf16File, "rejected", Expected.fileError("unreadable_file",
                "the CSV file is neither UTF-8 nor Shift_JIS/CP932 text; save it as CSV (UTF-8) or CSV (Shift_JIS)"));

        String korean = "시책 평가 시트,,,,,\r\n652,재정의 건전화,,,,\r\n담당과,재정과,관련과,과세과,,\r\n"
                + ",,R2결산,R3결산,R4결산 전망,\r\n1,재정계획 책정사업,\"1,551\",\"1,514\",\"1,478\",계속\r\n";
        byte[] eucKr = korean.getBytes(Charset.forName("EUC-KR"));
        if (decodes(eucKr, StandardCharsets.UTF_8) || decodes(eucKr, CsvReader.CP932)) {
            throw new IllegalStateException("the EUC-KR sample must be neither UTF-8 nor CP932");
        }
        String eucKrFile = write("csv-euc-kr.csv", eucKr);
        add("a CSV in EUC-KR", eucKrFile, "rejected", Expected.fileError("unreadable_file",
                "the CSV file is neither UTF-8 nor Shift_JIS/CP932 text"));
    }

    /** The 1-based record (the row of the sheet) whose second field is {@code name}; quoted fields span lines. */
    private static int csvRecordNumber(String text, String name) throws IOException {
        try (CSVParser parser = CSVParser.parse(text, CSVFormat.EXCEL)) {
            int row = 0;
            for (CSVRecord record : parser) {
                row++;
                if (record.size() > 1 && record.get(1).equals(name)) {
                    return row;
                }
            }
        }
        throw new IllegalStateException("no row " + name);
    }

    private static boolean decodes(byte[] bytes, Charset charset) {
        try {
            charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    // ---------------------------------------------------------------- the legacy formats

    private void legacyFormats() throws IOException {
        String[] xlsCell = new String[1];
        String xls = name("xls-text-in-cost-cell.xls");
        editXls(COMMUNITY, xls, List.of("施策631"), workbook -> {
            Cell cell = costCell(workbook.getSheet("施策631"), "多文化共生推進事業", "R3決算");
            cell.setCellValue("約1,500");
            xlsCell[0] = cell.getAddress().formatAsString();
        });
        add("an .xls with text in a cost cell", xls, "rejected", List.of(Expected.error("cost_not_a_number", "施策631",
                xlsCell[0], "expected a cost in thousand yen such as 10,059, or - for none", "約1,500")),
                List.of(Subject.policy("631")), List.of());

        String[] unitCell = new String[1];
        String unit = name("xls-cost-in-ten-thousand-yen.xls");
        editXls(COMMUNITY, unit, List.of("施策631"), workbook -> {
            Cell cell = costCell(workbook.getSheet("施策631"), "多文化共生推進事業", "R2決算");
            cell.setCellValue("432万円");
            unitCell[0] = cell.getAddress().formatAsString();
        });
        add("an .xls with a cost in 万円 (ten thousand yen)", unit, "rejected", List.of(Expected.error(
                "cost_unit_not_thousand_yen", "施策631", unitCell[0], "expected a cost in thousand yen (千円) such as 10,059, "
                        + "found one in 万円", "432万円")), List.of(Subject.policy("631")), List.of());

        String text = new String(Files.readAllBytes(input.resolve(FINANCE)), CsvReader.CP932);
        String line = "2,財政調整基金積立事業,\"486,587\",\"1,672,434\",\"1,753,740\",継続";
        if (!text.contains(line)) {
            throw new IllegalStateException("the line of 財政調整基金積立事業 is not in " + FINANCE);
        }
        int row = csvRecordNumber(text, "財政調整基金積立事業");
        String csv = name("cp932-csv-text-in-cost-cell.csv");
        Files.write(folder.resolve(csv), text.replace(line,
                "2,財政調整基金積立事業,\"486,587\",\"1,672,434\",約17億,継続").getBytes(CsvReader.CP932));
        String sheet = csv.substring(0, csv.length() - ".csv".length());
        add("a CP932 CSV with text in a cost cell", csv, "rejected", List.of(Expected.error("cost_not_a_number", sheet,
                "E" + row, "expected a cost in thousand yen such as 10,059, or - for none", "約17億"),
                partialReplacement(sheet, "652")),
                List.of(Subject.policy("652")), List.of());
    }

    // ---------------------------------------------------------------- a broken resubmission of a published policy

    private void brokenResubmission() throws IOException {
        String[] headingCell = new String[1];
        String file = name("broken-resubmission-653.xlsx");
        editXlsx(PROPERTY, file, List.of("施策653"), workbook -> {
            Sheet sheet = workbook.getSheet("施策653");
            // the department corrects its forecasts ...
            Cell forecast = costCell(sheet, "公有財産管理事業", "R4決算見込");
            forecast.setCellValue(forecast.getNumericCellValue() + 2500);
            Cell total = costCell(sheet, "計（単位：千円）", "R4決算見込");
            total.setCellValue(total.getNumericCellValue() + 2500);
            // ... and deletes the progress rating line by mistake
            Cell heading = find(sheet, "3 進捗状況");
            sheet.removeRow(sheet.getRow(heading.getRowIndex() + 1));
            headingCell[0] = heading.getAddress().formatAsString();
        });
        add("a broken resubmission of a published policy", file, "rejected", List.of(Expected.error("missing_rating",
                "施策653", headingCell[0], "expected a rating line such as '1 2 ③ 4 … おおむね順調' below 3 進捗状況", null)),
                List.of(Subject.policy("653")), List.of());
    }

    // ---------------------------------------------------------------- helpers

    private String name(String suffix) {
        return "bad-" + String.format("%02d", ++number) + "_" + suffix;
    }

    private String write(String suffix, byte[] bytes) throws IOException {
        String file = name(suffix);
        Files.write(folder.resolve(file), bytes);
        return file;
    }

    private String copy(Path source, String suffix) throws IOException {
        String file = name(suffix);
        Files.copy(source, folder.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        return file;
    }

    private void add(String description, String file, String outcome, Expected... messages) {
        cases.add(new Case(description, file, outcome, List.of(messages), List.of(), List.of()));
    }

    private void add(String description, String file, String outcome, List<Expected> messages, List<Subject> keeps,
            List<Subject> replaces) {
        cases.add(new Case(description, file, outcome, messages, keeps, replaces));
    }

    /** Opens a good .xlsx of {@code input/}, keeps only {@code sheets}, edits it and saves it as {@code target}. */
    private void editXlsx(String source, String target, List<String> sheets, Consumer<XSSFWorkbook> edit) throws IOException {
        try (InputStream in = Files.newInputStream(input.resolve(source)); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            keepOnly(workbook, sheets);
            edit.accept(workbook);
            save(workbook, folder.resolve(target));
        }
    }

    /** The same for a good .xls. */
    private void editXls(String source, String target, List<String> sheets, Consumer<HSSFWorkbook> edit) throws IOException {
        try (InputStream in = Files.newInputStream(input.resolve(source)); HSSFWorkbook workbook = new HSSFWorkbook(in)) {
            keepOnly(workbook, sheets);
            edit.accept(workbook);
            save(workbook, folder.resolve(target));
        }
    }

    private static void keepOnly(Workbook workbook, List<String> sheets) {
        for (int i = workbook.getNumberOfSheets() - 1; i >= 0; i--) {
            if (!sheets.contains(workbook.getSheetName(i))) {
                workbook.removeSheetAt(i);
            }
        }
        workbook.setActiveSheet(0);
        workbook.setSelectedTab(0);
    }

    private static void save(Workbook workbook, Path target) throws IOException {
        try (OutputStream out = Files.newOutputStream(target)) {
            workbook.write(out);
        }
    }

    private static String text(Cell cell) {
        return cell == null ? "" : new DataFormatter().formatCellValue(cell).strip();
    }

    /** The first cell, top to bottom, whose displayed text is {@code text}. */
    private static Cell find(Sheet sheet, String text) {
        for (Row row : sheet) {
            for (Cell cell : row) {
                if (text(cell).equals(text)) {
                    return cell;
                }
            }
        }
        throw new IllegalArgumentException("no cell '" + text + "' on " + sheet.getSheetName());
    }

    /** The cell of a row (found by the text of one of its cells) in the column of a header (e.g. R3決算). */
    private static Cell costCell(Sheet sheet, String rowLabel, String columnLabel) {
        int column = find(sheet, columnLabel).getColumnIndex();
        Row row = find(sheet, rowLabel).getRow();
        Cell cell = row.getCell(column);
        if (cell == null) {
            throw new IllegalArgumentException("no cell " + columnLabel + " in the row of " + rowLabel);
        }
        return cell;
    }

    /** The value of a year of the 経年変化 block: right of its year label (printed down a column) or below it. */
    private static Cell trendCell(Sheet sheet, String yearLabel) {
        Cell label = find(sheet, yearLabel);
        Cell right = label.getRow().getCell(label.getColumnIndex() + 1);
        if (right != null && !text(right).isEmpty()) {
            return right;
        }
        return sheet.getRow(label.getRowIndex() + 1).getCell(label.getColumnIndex());
    }

    /** The first numeric cell with a positive value below the header cell containing {@code columnLabel}. */
    private static Cell firstCostCell(Sheet sheet, String columnLabel) {
        for (Row row : sheet) {
            for (Cell header : row) {
                if (text(header).contains(columnLabel)) {
                    for (int r = header.getRowIndex() + 1; r <= sheet.getLastRowNum(); r++) {
                        Row below = sheet.getRow(r);
                        Cell cell = below == null ? null : below.getCell(header.getColumnIndex());
                        if (cell != null && cell.getCellType() == CellType.NUMERIC && cell.getNumericCellValue() > 0) {
                            return cell;
                        }
                    }
                }
            }
        }
        throw new IllegalArgumentException("no numeric cost below " + columnLabel + " on " + sheet.getSheetName());
    }
}
