package jp.evalsheet.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import jp.evalsheet.samples.PolicySampleWorkbooks;
import jp.evalsheet.samples.StrategySampleWorkbooks;
import jp.evalsheet.submission.Municipality;
import jp.evalsheet.samples.WelfareSampleWorkbooks;

/**
 * Synthetic submissions of N municipalities, deterministic for a seed: each municipality is a city
 * like the sample (朝霞市) in its own subfolder named after its made-up 全国地方公共団体コード
 * ({@code 012017_m0001/}: prefectures in turn, check digit valid), with its 6 policy department workbooks,
 * 4 strategy goal workbooks, 3 welfare section workbooks and the welfare overview, written by the
 * sample generators from the truth tables as varied by {@link VariedTruth} (figures, statuses, codes)
 * in the layouts the sample's departments use, drawn per department.
 *
 * <p>Formats: .xlsx, except that about 30 % of the municipalities (drawn from the seed) save like the
 * sample city's legacy offices: one policy department, one strategy goal and one welfare section as
 * Excel 97-2003 .xls (written by POI's {@link HSSFWorkbook}, not LibreOffice), and one of each as
 * Shift_JIS (CP932) CSV, one file per sheet, written by {@link #writeCsv} the way LibreOffice's
 * "Text CSV" filter saves a sheet as shown (comma, {@code "} quoting only where a field holds a
 * comma, quote or line break, LF line ends, every row as wide as the sheet's used columns).
 *
 * <p>A municipality's files depend only on (seed, municipality number), so they are generated once
 * into {@code <root>/seed-<seed>/store/m0001/} and a corpus of N municipalities is a folder of hard
 * links to the first N of them.
 */
public final class SyntheticSubmissions {

    /** The share of municipalities that save some files as .xls and CSV. */
    static final double LEGACY_SHARE = 0.3;

    private static final Charset CP932 = Charset.forName("windows-31j");
    /** Marks a finished municipality in the store. */
    private static final String DONE = ".complete";
    /** Marks a finished corpus folder; the suffix changes when the corpus layout does. */
    private static final String CORPUS_DONE = ".complete-municipality-folders";

    private final Path root;
    private final long seed;
    private final int distinct;

    public SyntheticSubmissions(Path root, long seed) {
        this(root, seed, Integer.MAX_VALUE);
    }

    /**
     * @param distinct how many municipalities get files of their own; beyond that, municipality m
     *     submits the files of municipality m mod distinct under its own code (generating costs about
     *     a second per municipality, which would dominate a nation-sized run)
     */
    public SyntheticSubmissions(Path root, long seed, int distinct) {
        this.root = root;
        this.seed = seed;
        this.distinct = distinct;
    }

    /** A corpus folder of N municipalities, generating what is not cached yet; returns its folder. */
    public Path corpus(String name, int municipalities) {
        Path corpus = root.resolve("seed-" + seed).resolve(name + "-" + municipalities
                + (municipalities > distinct ? "-distinct-" + distinct : ""));
        if (Files.exists(corpus.resolve(CORPUS_DONE))) {
            return corpus;
        }
        IntStream.range(0, Math.min(municipalities, distinct)).parallel().forEach(this::municipality);
        try {
            deleteRecursively(corpus);
            for (int m = 0; m < municipalities; m++) {
                Path source = store(m % distinct);
                Path target = Files.createDirectories(corpus.resolve(municipalityOf(m).label()));
                try (Stream<Path> files = Files.list(source)) {
                    for (Path file : files.filter(f -> !f.getFileName().toString().equals(DONE)).sorted().toList()) {
                        Path link = target.resolve(file.getFileName().toString());
                        try {
                            Files.createLink(link, file);
                        } catch (UnsupportedOperationException | IOException e) {
                            Files.copy(file, link, StandardCopyOption.REPLACE_EXISTING);
                        }
                    }
                }
            }
            Files.writeString(corpus.resolve(CORPUS_DONE), "seed=" + seed + "\nmunicipalities=" + municipalities
                    + "\ndistinct=" + distinct + "\n");
            return corpus;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The made-up municipality of number {@code m}: prefectures 01–47 in turn, local numbers from 201
     * (the range of cities), so the codes are unique and pass the check digit.
     */
    static Municipality municipalityOf(int m) {
        return Municipality.of(String.format("%02d%03d", 1 + m % 47, 201 + m / 47), folder(m));
    }

    static String folder(int municipality) {
        return String.format("m%04d", municipality + 1);
    }

    private Path store(int municipality) {
        return root.resolve("seed-" + seed).resolve("store").resolve(folder(municipality));
    }

    /** Generates one municipality's files into the store unless they are there. */
    void municipality(int m) {
        Path dir = store(m);
        if (Files.exists(dir.resolve(DONE))) {
            return;
        }
        try {
            deleteRecursively(dir);
            Files.createDirectories(dir);
            VariedTruth truth = new VariedTruth(seed, m);
            Random random = truth.random();
            boolean legacy = random.nextDouble() < LEGACY_SHARE;

            PolicySampleWorkbooks policy = new PolicySampleWorkbooks(truth::table);
            List<PolicySampleWorkbooks.Layout> policyLayouts = List.of(PolicySampleWorkbooks.Layout.STANDARD,
                    new PolicySampleWorkbooks.Layout(false, true, true, true, false, false),
                    new PolicySampleWorkbooks.Layout(true, false, false, false, false, true),
                    new PolicySampleWorkbooks.Layout(false, false, true, false, true, false));
            Map<String, List<String>> departments = truth.policiesByDepartment();
            List<String> departmentNames = new ArrayList<>(departments.keySet());
            String policyXls = legacy ? departmentNames.get(random.nextInt(departmentNames.size())) : null;
            String policyCsv = legacy ? departmentNames.get(random.nextInt(departmentNames.size())) : null;
            for (String department : departmentNames) {
                PolicySampleWorkbooks.Layout layout = policyLayouts.get(random.nextInt(policyLayouts.size()));
                String base = "R4_施策評価シート_" + department;
                Format format = department.equals(policyXls) ? Format.XLS : department.equals(policyCsv) ? Format.CSV : Format.XLSX;
                save(policy.workbook(departments.get(department), layout, format.newWorkbook()), format, dir, base);
            }

            StrategySampleWorkbooks strategy = new StrategySampleWorkbooks(truth::table);
            int goalXls = legacy ? 1 + random.nextInt(4) : 0;
            int goalCsv = legacy ? 1 + random.nextInt(4) : 0;
            for (int goal = 1; goal <= 4; goal++) {
                int number = truth.goalNumber(goal);
                StrategySampleWorkbooks.Layout layout = StrategySampleWorkbooks.layout(1 + random.nextInt(4));
                Format format = goal == goalXls ? Format.XLS : goal == goalCsv ? Format.CSV : Format.XLSX;
                save(strategy.workbook(number, layout, format.newWorkbook()), format, dir,
                        StrategySampleWorkbooks.baseName(number));
            }

            WelfareSampleWorkbooks welfare = new WelfareSampleWorkbooks(truth::table);
            Map<String, List<String>> sections = welfare.sheetsBySection();
            List<String> sectionNames = new ArrayList<>(sections.keySet());
            List<WelfareSampleWorkbooks.Layout> welfareLayouts = sectionNames.stream().map(WelfareSampleWorkbooks::layoutOf).toList();
            String welfareXls = legacy ? sectionNames.get(random.nextInt(sectionNames.size())) : null;
            String welfareCsv = legacy ? sectionNames.get(random.nextInt(sectionNames.size())) : null;
            for (String section : sectionNames) {
                WelfareSampleWorkbooks.Layout layout = welfareLayouts.get(random.nextInt(welfareLayouts.size()));
                Format format = section.equals(welfareXls) ? Format.XLS : section.equals(welfareCsv) ? Format.CSV : Format.XLSX;
                save(welfare.workbook(sections.get(section), layout, format.newWorkbook()), format, dir,
                        WelfareSampleWorkbooks.baseName(section));
            }
            save(welfare.overviewWorkbook(new XSSFWorkbook()), Format.XLSX, dir,
                    WelfareSampleWorkbooks.OVERVIEW_FILE.replaceAll("\\.xlsx$", ""));
            Files.writeString(dir.resolve(DONE), "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    enum Format {
        XLSX, XLS, CSV;

        Workbook newWorkbook() {
            return this == XLS ? new HSSFWorkbook() : new XSSFWorkbook();
        }
    }

    private static void save(Workbook workbook, Format format, Path dir, String base) throws IOException {
        try (workbook) {
            if (format == Format.CSV) {
                writeCsv(workbook, dir, base);
                return;
            }
            try (OutputStream out = Files.newOutputStream(dir.resolve(base + (format == Format.XLS ? ".xls" : ".xlsx")))) {
                workbook.write(out);
            }
        }
    }

    /**
     * Saves every sheet as CP932 CSV, as LibreOffice does with the sheet option -1: one file per
     * sheet named {@code <base>-<sheet>.csv} ({@code <base>.csv} for a one-sheet workbook), each cell
     * as shown (display formats applied, formulas as their values).
     */
    static void writeCsv(Workbook workbook, Path dir, String base) throws IOException {
        DataFormatter formatter = new DataFormatter();
        FormulaEvaluator evaluator = workbook.getCreationHelper().createFormulaEvaluator();
        for (int s = 0; s < workbook.getNumberOfSheets(); s++) {
            Sheet sheet = workbook.getSheetAt(s);
            List<List<String>> rows = new ArrayList<>();
            int width = 0;
            for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                List<String> fields = new ArrayList<>();
                if (row != null) {
                    for (int c = 0; c < Math.max(row.getLastCellNum(), 0); c++) {
                        Cell cell = row.getCell(c);
                        String text = cell == null ? "" : formatter.formatCellValue(cell, evaluator);
                        fields.add(text);
                        if (!text.isEmpty()) {
                            width = Math.max(width, c + 1);
                        }
                    }
                }
                rows.add(fields);
            }
            while (!rows.isEmpty() && rows.get(rows.size() - 1).stream().allMatch(String::isEmpty)) {
                rows.remove(rows.size() - 1);
            }
            StringBuilder csv = new StringBuilder();
            for (List<String> fields : rows) {
                for (int c = 0; c < width; c++) {
                    if (c > 0) {
                        csv.append(',');
                    }
                    csv.append(quoted(c < fields.size() ? fields.get(c) : ""));
                }
                csv.append('\n');
            }
            String name = workbook.getNumberOfSheets() == 1 ? base + ".csv" : base + "-" + sheet.getSheetName() + ".csv";
            // as LibreOffice saves the em dash (U+2014, which CP932 lacks): as 0x815C, read back as ―
            String text = csv.toString().replace('\u2014', '\u2015');
            CharsetEncoder encoder = CP932.newEncoder();
            if (!encoder.canEncode(text)) {
                throw new IllegalStateException(name + " holds characters that CP932 cannot encode");
            }
            Files.write(dir.resolve(name), text.getBytes(CP932));
        }
    }

    private static String quoted(String field) {
        if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0 && field.indexOf('\r') < 0) {
            return field;
        }
        return '"' + field.replace("\"", "\"\"") + '"';
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** Generates a corpus from the command line: {@code <root> <seed> <name> <municipalities>}. */
    public static void main(String[] args) {
        long started = System.nanoTime();
        Path corpus = new SyntheticSubmissions(Path.of(args[0]), Long.parseLong(args[1])).corpus(args[2], Integer.parseInt(args[3]));
        System.out.printf("%s in %.1f s%n", corpus, (System.nanoTime() - started) / 1e9);
    }
}
