package jp.evalsheet.load;

import static java.nio.file.StandardCopyOption.REPLACE_EXISTING;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import jp.evalsheet.EvalSheetWarehouseApplication;
import jp.evalsheet.support.Warehouse;

/**
 * Two municipalities in one warehouse never mix: {@code input/} submitted by 朝霞市 and by 所沢市 (one
 * folder each, loaded in one run) gives, for each municipality, exactly the rows that {@code input/}
 * alone gives in every view; and when both then correct the same figure differently, each sees only
 * its own correction. A folder or a run that names no valid municipality rejects its files as
 * {@code unknown_municipality}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MunicipalityIntegrationTests {

    private static final String ASAKA = "112275_朝霞市";
    private static final String TOKOROZAWA = "112089_所沢市";
    private static final String HUMAN_RIGHTS = "R4_施策評価シート_人権庶務課.xlsx";

    /** Each view's rows: of each municipality of the shared warehouse, and of input/ loaded alone. */
    private final Map<String, List<String>> asakaFirst = new LinkedHashMap<>();
    private final Map<String, List<String>> tokorozawaFirst = new LinkedHashMap<>();
    private final Map<String, List<String>> aloneFirst = new LinkedHashMap<>();
    private final Map<String, List<String>> asakaCorrected = new LinkedHashMap<>();
    private final Map<String, List<String>> tokorozawaCorrected = new LinkedHashMap<>();
    private final Map<String, List<String>> aloneCorrectedTo215 = new LinkedHashMap<>();
    private final Map<String, List<String>> aloneCorrectedTo220 = new LinkedHashMap<>();

    private Warehouse both;
    private List<String> views;

    @BeforeAll
    void loadInputAsTwoMunicipalitiesAndAlone(@TempDir Path temp) throws Exception {
        Path submissions = temp.resolve("submissions");
        Warehouse.copyFolder(Path.of("input"), submissions.resolve(ASAKA));
        Warehouse.copyFolder(Path.of("input"), submissions.resolve(TOKOROZAWA));
        both = new Warehouse(temp.resolve("both.duckdb"));
        Warehouse alone = new Warehouse(temp.resolve("alone.duckdb"));

        // the folders name the municipalities; the helper's default --municipality names none of the files
        assertThat(both.ingest(submissions)).as("exit code of the run of both municipalities").isZero();
        assertThat(alone.ingest(Path.of("input"))).as("exit code of the run of input/ alone").isZero();
        views = alone.query("select view_name from duckdb_views() where not internal and schema_name = 'main' "
                + "order by view_name").stream().map(row -> (String) row.get("view_name")).toList();
        snapshot(both, ASAKA, asakaFirst);
        snapshot(both, TOKOROZAWA, tokorozawaFirst);
        snapshot(alone, null, aloneFirst);
        Warehouse aloneAgain = new Warehouse(Files.copy(alone.file(), temp.resolve("alone-again.duckdb")));

        // both correct policy 611's R3 actual 210, 朝霞市 to 215 and 所沢市 to 220 (the same files alone)
        Path to215 = corrected(temp.resolve("to-215"), 215);
        Path to220 = corrected(temp.resolve("to-220"), 220);
        Files.copy(to215.resolve(HUMAN_RIGHTS), submissions.resolve(ASAKA).resolve(HUMAN_RIGHTS), REPLACE_EXISTING);
        Files.copy(to220.resolve(HUMAN_RIGHTS), submissions.resolve(TOKOROZAWA).resolve(HUMAN_RIGHTS), REPLACE_EXISTING);
        assertThat(both.ingest(submissions)).as("exit code of the run of both corrections").isZero();
        assertThat(alone.ingest(to215)).as("exit code of the run of 215 alone").isZero();
        assertThat(aloneAgain.ingest(to220)).as("exit code of the run of 220 alone").isZero();
        snapshot(both, ASAKA, asakaCorrected);
        snapshot(both, TOKOROZAWA, tokorozawaCorrected);
        snapshot(alone, null, aloneCorrectedTo215);
        snapshot(aloneAgain, null, aloneCorrectedTo220);
    }

    List<String> views() {
        return views;
    }

    @Test
    void shouldLoadBothMunicipalitiesInOneRunWithoutCallingThemDuplicates() {
        assertThat(both.count("select count(*) from etl_messages where rule = 'duplicate_submission'")).isZero();
        assertThat(both.lines("""
                select load_run_id, municipality_code, outcome, count(*) from etl_file_loads group by all order by all
                """)).containsExactly(
                        "1|112089|loaded|16", "1|112275|loaded|16",
                        "2|112089|loaded|1", "2|112089|unchanged|15", "2|112275|loaded|1", "2|112275|unchanged|15");
        assertThat(both.lines("select municipality_code, count(*) from v_current_sheet_loads group by all order by all"))
                .containsExactly("112089|64", "112275|64");
    }

    @Test
    void shouldNameBothMunicipalitiesAndTheirPrefecture() {
        assertThat(both.lines("""
                select municipality_code, municipality_name, prefecture_code, prefecture_name from dim_municipalities
                order by municipality_code
                """)).containsExactly("112089|所沢市|11|埼玉県", "112275|朝霞市|11|埼玉県");
    }

    @Test
    void shouldShowEachMunicipalityOnlyItsOwnCorrection() {
        assertThat(both.lines("""
                select municipality_code, municipality_name, subject_code, fact_key, old_value, new_value from v_value_changes
                order by all
                """)).containsExactly(
                        "112089|所沢市|611|indicator 611 #1 actual FY2021|210.0000|220.0000",
                        "112275|朝霞市|611|indicator 611 #1 actual FY2021|210.0000|215.0000");
        assertThat(both.lines("""
                select municipality_code, version, is_current, load_run_id, superseded_by_load_run_id from v_sheet_versions
                where subject_code = '611' order by all
                """)).containsExactly("112089|1|false|1|2", "112089|2|true|2|null", "112275|1|false|1|2",
                        "112275|2|true|2|null");
        assertThat(both.lines("""
                select municipality_code, value from v_indicator_progress where owner_code = '611' and fiscal_year = 2021
                order by all
                """)).containsExactly("112089|220", "112275|215");
    }

    @ParameterizedTest
    @MethodSource("views")
    void shouldStartEveryViewWithTheMunicipality(String view) {
        List<Map<String, Object>> columns = both.query("""
                select column_name from information_schema.columns where table_name = ? order by ordinal_position
                """, view);
        assertThat(columns.get(0).get("column_name")).as(view).isEqualTo("municipality_code");
        if (columns.stream().anyMatch(column -> "municipality_name".equals(column.get("column_name")))) {
            assertThat(both.lines("select distinct v.municipality_code, v.municipality_name from " + view
                    + " as v order by all")).as(view).isSubsetOf("112089|所沢市", "112275|朝霞市");
        }
    }

    @ParameterizedTest
    @MethodSource("views")
    void shouldGiveEachMunicipalityTheRowsItsSubmissionsGiveAlone(String view) {
        assertThat(asakaFirst.get(view)).as(view + " of 朝霞市, first run").isEqualTo(aloneFirst.get(view));
        assertThat(tokorozawaFirst.get(view)).as(view + " of 所沢市, first run").isEqualTo(aloneFirst.get(view));
        assertThat(asakaCorrected.get(view)).as(view + " of 朝霞市, corrected to 215").isEqualTo(aloneCorrectedTo215.get(view));
        assertThat(tokorozawaCorrected.get(view)).as(view + " of 所沢市, corrected to 220")
                .isEqualTo(aloneCorrectedTo220.get(view));
    }

    @Test
    void shouldRejectAFolderWhoseCodeHasTheWrongCheckDigitAndLoadTheOthers(@TempDir Path temp) {
        // given 112276 where 朝霞市 is 112275 (the check digit of 11227 is 5)
        Path submissions = temp.resolve("submissions");
        copy("R4_施策評価シート_財政課.csv", submissions.resolve("112276_朝霞市"));
        copy("R6_総合戦略効果検証_基本目標4.csv", submissions.resolve(ASAKA));
        Warehouse warehouse = new Warehouse(temp.resolve("warehouse.duckdb"));

        // when
        int exitCode = warehouse.ingest(submissions);

        // then
        assertThat(exitCode).isEqualTo(2);
        assertThat(warehouse.lines("select source_file, municipality_code, outcome from etl_file_loads order by 1"))
                .containsExactly(
                        "112275_朝霞市/R6_総合戦略効果検証_基本目標4.csv|112275|loaded",
                        "112276_朝霞市/R4_施策評価シート_財政課.csv|null|rejected");
        assertThat(warehouse.query("""
                select municipality_code, source_file, severity, rule, message from v_data_quality_findings
                where severity = 'error'
                """)).singleElement().satisfies(finding -> {
                    assertThat(finding.get("municipality_code")).isNull();
                    assertThat(finding.get("source_file")).isEqualTo("112276_朝霞市/R4_施策評価シート_財政課.csv");
                    assertThat(finding.get("rule")).isEqualTo("unknown_municipality");
                    assertThat((String) finding.get("message")).contains("check digit should be 5", "112275");
                });
        assertThat(warehouse.lines("select municipality_code, count(*) from v_current_sheet_loads group by all"))
                .containsExactly("112275|1");
    }

    @Test
    void shouldRejectAFileOutsideAnyMunicipalityFolderWhenTheRunNamesNone(@TempDir Path temp) {
        // given one file in a municipality's folder and one beside it
        Path submissions = temp.resolve("submissions");
        copy("R4_施策評価シート_財政課.csv", submissions);
        copy("R6_総合戦略効果検証_基本目標4.csv", submissions.resolve(TOKOROZAWA));
        Path file = temp.resolve("warehouse.duckdb");

        // when the run names no municipality (the test helper would add one)
        int exitCode = EvalSheetWarehouseApplication.run("--input=" + submissions, "--warehouse=" + file,
                "--feedback=" + temp.resolve("feedback"));

        // then
        Warehouse warehouse = new Warehouse(file);
        assertThat(exitCode).isEqualTo(2);
        assertThat(warehouse.lines("select source_file, municipality_code, outcome from etl_file_loads order by 1"))
                .containsExactly(
                        "112089_所沢市/R6_総合戦略効果検証_基本目標4.csv|112089|loaded",
                        "R4_施策評価シート_財政課.csv|null|rejected");
        assertThat(warehouse.query("select severity, rule, message from etl_messages where source_file = ?",
                "R4_施策評価シート_財政課.csv")).singleElement().satisfies(message -> {
                    assertThat(message.get("severity")).isEqualTo("error");
                    assertThat(message.get("rule")).isEqualTo("unknown_municipality");
                    assertThat((String) message.get("message")).contains("--municipality=");
                });
        assertThat(warehouse.lines("select municipality_code, municipality_name from dim_municipalities"))
                .containsExactly("112089|所沢市");
    }

    @Test
    void shouldKeepAMunicipalitysErrorsWhenALaterRunReadsOnlyAnotherMunicipality(@TempDir Path temp) throws Exception {
        // given 朝霞市's run with a file that cannot be read
        Path asakaRun = temp.resolve("asaka-run");
        copy("R6_総合戦略効果検証_基本目標4.csv", asakaRun.resolve(ASAKA));
        Files.write(asakaRun.resolve(ASAKA).resolve("broken.xlsx"), new byte[] {'P', 'K', 3, 4, 0, 0, 0});
        Path tokorozawaRun = temp.resolve("tokorozawa-run");
        copy("R6_総合戦略効果検証_基本目標4.csv", tokorozawaRun.resolve(TOKOROZAWA));
        Warehouse warehouse = new Warehouse(temp.resolve("warehouse.duckdb"));
        assertThat(warehouse.ingest(asakaRun)).isEqualTo(2);
        String asakaErrors = """
                select source_file, rule from v_data_quality_findings
                where municipality_code = '112275' and severity = 'error'
                """;
        assertThat(warehouse.lines(asakaErrors)).containsExactly(ASAKA + "/broken.xlsx|unreadable_file");

        // when a later run reads only 所沢市's files
        assertThat(warehouse.ingest(tokorozawaRun)).isZero();

        // then 朝霞市's latest run is still its own, and its error still shows
        assertThat(warehouse.lines(asakaErrors)).containsExactly(ASAKA + "/broken.xlsx|unreadable_file");
    }

    @Test
    void shouldNotTakeADateNamedFolderForAMunicipality(@TempDir Path temp) {
        // given folders named by date, whose digits could pass for a code (202401 has a valid check digit)
        Path submissions = temp.resolve("submissions");
        copy("R4_施策評価シート_財政課.csv", submissions.resolve("202401"));
        copy("R6_総合戦略効果検証_基本目標4.csv", submissions.resolve("20240401_提出"));
        Warehouse warehouse = new Warehouse(temp.resolve("warehouse.duckdb"));

        // when the run names its municipality
        int exitCode = warehouse.ingest(submissions, "--municipality=" + TOKOROZAWA);

        // then both files are the run's municipality's
        assertThat(exitCode).isZero();
        assertThat(warehouse.lines("select source_file, municipality_code, outcome from etl_file_loads order by 1"))
                .containsExactly(
                        "202401/R4_施策評価シート_財政課.csv|112089|loaded",
                        "20240401_提出/R6_総合戦略効果検証_基本目標4.csv|112089|loaded");
    }

    /**
     * Every view's rows (of one municipality, when {@code folder} names one), sorted, without the
     * columns that differ between the warehouses by design: the municipality, the load ids and the
     * timestamps; the folder is taken off the file names.
     */
    private void snapshot(Warehouse warehouse, String folder, Map<String, List<String>> into) {
        for (String view : views) {
            List<String> columns = warehouse.query("""
                    select column_name from information_schema.columns
                    where table_name = ? and column_name not like 'municipality\\_%' escape '\\'
                        and column_name not like '%sheet\\_load\\_id' escape '\\'
                        and column_name not like '%load\\_run\\_id' escape '\\'
                        and data_type not like 'TIMESTAMP%'
                    order by ordinal_position
                    """, view).stream().map(row -> (String) row.get("column_name")).toList();
            String select = "select " + columns.stream().map(column -> '"' + column + '"').collect(Collectors.joining(", "))
                    + " from " + view;
            List<Map<String, Object>> rows = folder == null ? warehouse.query(select)
                    : warehouse.query(select + " where municipality_code = ?", folder.substring(0, 6));
            into.put(view, rows.stream().map(row -> line(row, folder)).sorted().toList());
        }
    }

    private static String line(Map<String, Object> row, String folder) {
        return row.entrySet().stream().map(column -> {
            Object value = column.getValue();
            String text = value instanceof BigDecimal decimal ? decimal.stripTrailingZeros().toPlainString()
                    : String.valueOf(value);
            return column.getKey() + "=" + (folder == null ? text : text.replace(folder + "/", ""));
        }).collect(Collectors.joining("|"));
    }

    /** A copy of input/ in {@code folder} with policy 611's R3 actual corrected to {@code value}. */
    private static Path corrected(Path folder, int value) throws Exception {
        Warehouse.copyFolder(Path.of("input"), folder);
        correctTheR3Actual(folder.resolve(HUMAN_RIGHTS), value);
        return folder;
    }

    /** Types {@code value} over the first 210 of sheet 施策611, as 人権庶務課 correcting its R3 actual would. */
    private static void correctTheR3Actual(Path workbookFile, int value) throws Exception {
        try (InputStream in = Files.newInputStream(workbookFile); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            boolean typed = false;
            for (Row row : workbook.getSheet("施策611")) {
                for (Cell cell : row) {
                    if (!typed && cell.getCellType() == CellType.NUMERIC && cell.getNumericCellValue() == 210) {
                        cell.setCellValue(value);
                        typed = true;
                    }
                }
            }
            assertThat(typed).isTrue();
            try (OutputStream out = Files.newOutputStream(workbookFile)) {
                workbook.write(out);
            }
        }
    }

    private static void copy(String inputFile, Path folder) {
        try {
            Files.createDirectories(folder);
            Files.copy(Path.of("input", inputFile), folder.resolve(inputFile));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
