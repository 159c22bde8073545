package jp.evalsheet;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The command line the job accepts, checked before anything runs: a mistyped option (or a word
 * without {@code --}) must never start an ingestion with the defaults, which would read
 * {@code ./input} into {@code ./warehouse.duckdb} and overwrite every department's feedback.
 * Spring properties ({@code --evalsheet.chunk-size=256}, {@code --logging.level.root=WARN}: any
 * option with a dot in its name) pass through to Spring Boot.
 */
public final class CommandLineOptions {

    /** The options of a run: {@code true} for an option that takes a value ({@code --input=DIR}). */
    private static final Map<String, Boolean> OPTIONS = Map.of(
            "input", true, "municipality", true, "warehouse", true, "feedback", true, "fiscal-year", true,
            "validate", false, "restart", false, "quiet", false,
            "export", true, "report", true);

    /** The options that make a run, which {@code --export} (a reader of the published warehouse) takes none of. */
    private static final List<String> RUN_OPTIONS = List.of("input", "municipality", "feedback",
            "fiscal-year", "validate", "restart", "report");

    /** What {@code --help} prints, and what follows a refused command line. */
    public static final String USAGE = """
            Usage: java -jar evalsheet-warehouse.jar [options]
            Runs the annual ingestion of evaluation sheets into a DuckDB warehouse.

              --input=DIR             the folder of submissions (default: input)
              --municipality=CODE_NAME  the municipality of files outside a municipality folder,
                                      e.g. 112275_朝霞市
              --warehouse=FILE        the warehouse file (default: warehouse.duckdb)
              --feedback=DIR          where the feedback workbooks go (default: feedback)
              --report=FILE           the annual report workbook of the municipality (default: beside the warehouse)
              --fiscal-year=R4        the evaluation year of this run (R4, 令和4年度 or 2022)
              --validate              check the folder and write the feedback, without changing the warehouse
              --restart               resume the last run that failed or was killed
              --quiet                 no progress lines, and no line per file loaded without a problem
              --export=DIR            run nothing: write the published warehouse's views, facts and
                                      dimensions to DIR as Parquet (by municipality and fiscal year)
                                      and CSV, with DIR/_manifest.json; with --warehouse, --quiet only
              --help                  print this text
              --version               print the version

            Exit code 0: everything loaded; 2: some files, sheets or rows were rejected, or some
            feedback workbooks or the annual report could not be written; 1: the run failed (or the
            command line was refused) and nothing was published. --export: 0 exported, 1 nothing was exported.
            """;

    private CommandLineOptions() {
    }

    /** Whether the command line asks for the usage text. */
    public static boolean asksForHelp(String... args) {
        for (String arg : args) {
            if (arg.equals("--help") || arg.equals("-h")) {
                return true;
            }
        }
        return false;
    }

    /** Whether the command line asks for the version. */
    public static boolean asksForVersion(String... args) {
        for (String arg : args) {
            if (arg.equals("--version")) {
                return true;
            }
        }
        return false;
    }

    /** The version of the packaged application, e.g. {@code evalsheet-warehouse 0.1.0}. */
    public static String version() {
        String version = CommandLineOptions.class.getPackage().getImplementationVersion();
        return "evalsheet-warehouse " + (version == null ? "(not packaged: run from the build's classes)" : version)
                + ", Java " + Runtime.version();
    }

    /** What is wrong with the command line, in one line, or empty when it can run. */
    public static Optional<String> problem(String... args) {
        for (String arg : args) {
            if (!arg.startsWith("--")) {
                return Optional.of("\"" + arg + "\" is not an option: options start with --, such as --input=DIR");
            }
            int equals = arg.indexOf('=');
            String name = equals < 0 ? arg.substring(2) : arg.substring(2, equals);
            if (name.contains(".")) {
                continue; // a Spring property
            }
            Boolean takesValue = OPTIONS.get(name);
            if (takesValue == null) {
                return Optional.of("unknown option " + (equals < 0 ? arg : arg.substring(0, equals)));
            }
            if (takesValue && (equals < 0 || equals == arg.length() - 1)) {
                return Optional.of("the option --" + name + " needs a value, such as --" + name + "="
                        + (name.equals("municipality") ? "112275_朝霞市" : name.equals("fiscal-year") ? "R4" : "…"));
            }
            if (!takesValue && equals >= 0) {
                return Optional.of("the option --" + name + " takes no value");
            }
            if (name.equals("warehouse") && arg.indexOf(';', equals) >= 0) {
                // the DuckDB JDBC URL (jdbc:duckdb:PATH;option=value) takes a ; for the start of its options
                return Optional.of("the warehouse path " + arg.substring(equals + 1) + " contains a ;, which the DuckDB "
                        + "JDBC URL reads as the start of its options: choose a file name without ;");
            }
        }
        return exportWithRunOptions(args);
    }

    /** {@code --export} reads what is published and runs nothing: an option of a run beside it is a mistake. */
    private static Optional<String> exportWithRunOptions(String... args) {
        boolean export = Arrays.stream(args).anyMatch(arg -> arg.startsWith("--export="));
        return Arrays.stream(args).filter(arg -> export)
                .filter(arg -> RUN_OPTIONS.contains(arg.substring(2).split("=", 2)[0])).findFirst()
                .map(arg -> "--export writes the published warehouse and runs nothing, so " + arg.split("=", 2)[0]
                        + " has no place beside it: run the ingestion first, then the export with --warehouse=FILE "
                        + "--export=DIR alone");
    }
}
