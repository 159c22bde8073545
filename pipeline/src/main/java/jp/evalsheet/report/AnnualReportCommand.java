package jp.evalsheet.report;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

import jp.evalsheet.submission.Municipality;

/**
 * Writes the annual report after a run has been published, and says so in one line.
 *
 * <p>The report is of one municipality: the one the run names with {@code --municipality}, or else
 * the only one the published warehouse holds. It goes to {@code --report=FILE}, or by default beside
 * the warehouse as {@code <warehouse name>_<code>_<name>_年次報告.xlsx}
 * ({@code warehouse_112275_朝霞市_年次報告.xlsx}). A run over many municipalities that names none
 * writes no report (a prefecture or the nation is not one council's report, and the benchmark's runs
 * are not slowed down): it costs one query of {@code dim_municipalities}.
 *
 * <p>The warehouse is published before the report is written, so a report that cannot be written
 * (a full disk, a folder without write permission) does not fail the run: the run ends with exit
 * code 2, as when a feedback workbook could not be written, and the same command writes it again.
 */
public final class AnnualReportCommand {

    /** Exit code of a run that someone must act on (as for rejected input). */
    static final int ATTENTION = 2;

    private AnnualReportCommand() {
    }

    /**
     * Writes the report of the run's command line from the published {@code warehouse}; returns the
     * run's exit code, 2 when a report named by {@code --report} or due by default was not written.
     */
    public static int afterPublishing(Path warehouse, String[] args, int exitCode) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        String named = option(args, "report");
        String municipality = option(args, "municipality");
        Path target = named == null ? null : Path.of(named);
        long start = System.nanoTime();
        try (Connection connection = AnnualReportFile.open(warehouse)) {
            AnnualReportQueries queries = new AnnualReportQueries(connection);
            Map<String, String> chosen = choose(queries, municipality);
            if (chosen.size() != 1) {
                out.println("Annual report: none written, " + whyNone(chosen.size(), municipality)
                        + (named == null ? "" : "; " + target.toAbsolutePath().normalize() + " was not written") + ".");
                return named == null ? exitCode : Math.max(exitCode, ATTENTION);
            }
            Map.Entry<String, String> only = chosen.entrySet().iterator().next();
            AnnualReport report = queries.read(only.getKey(), only.getValue());
            if (target == null) {
                target = defaultFile(warehouse, only.getKey(), only.getValue());
            }
            AnnualReportFile.Written written = AnnualReportFile.write(report, target);
            out.printf("Annual report: %s (%s %s: %d sheets, %d cost chart%s) written in %.1f s%n", written.file(),
                    only.getKey(), nonNull(only.getValue()), written.sheets(), written.charts(), written.charts() == 1 ? "" : "s",
                    (System.nanoTime() - start) / 1e9);
            return exitCode;
        } catch (SQLException | java.io.IOException | RuntimeException e) {
            out.println("Annual report: could not be written" + (target == null ? "" : " to " + target.toAbsolutePath().normalize())
                    + " (" + e.getClass().getSimpleName() + ": " + e.getMessage() + "). The warehouse was published; run the "
                    + "same command again to write the report (unchanged files are not loaded again).");
            return Math.max(exitCode, ATTENTION);
        }
    }

    /**
     * The municipality of the report (code to name): the one named, if the warehouse holds it, or the
     * only one the warehouse holds; otherwise the municipalities it holds (none, or two of many).
     */
    private static Map<String, String> choose(AnnualReportQueries queries, String municipality) throws SQLException {
        if (municipality != null) {
            return queries.municipality(Municipality.require(municipality).code());
        }
        return queries.municipalities(2);
    }

    private static String whyNone(int held, String municipality) {
        if (municipality != null) {
            return "as the warehouse holds no current sheets of " + municipality;
        }
        return held == 0 ? "as the warehouse holds no current sheets"
                : "as the warehouse holds more than one municipality and the run names none (--municipality=CODE_NAME "
                        + "chooses the municipality of the report, --report=FILE its file)";
    }

    /** {@code <warehouse name>_<code>_<name>_年次報告.xlsx} beside the warehouse. */
    static Path defaultFile(Path warehouse, String code, String name) {
        String file = warehouse.getFileName().toString();
        String stem = file.contains(".") ? file.substring(0, file.lastIndexOf('.')) : file;
        String municipality = name == null ? code : code + "_" + name.replaceAll("[\\\\/:*?\"<>|\\s]", "_");
        return warehouse.toAbsolutePath().normalize().resolveSibling(stem + "_" + municipality + "_年次報告.xlsx");
    }

    private static String option(String[] args, String name) {
        String prefix = "--" + name + "=";
        String value = null;
        for (String arg : args) {
            if (arg.startsWith(prefix)) {
                value = arg.substring(prefix.length());
            }
        }
        return value;
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }
}
