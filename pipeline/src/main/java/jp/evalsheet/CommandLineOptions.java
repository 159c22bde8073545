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
    private static final Map<String, Boolean> OPTIONS = Map.ofEntries(
            Map.entry("input", true), Map.entry("municipality", true), Map.entry("warehouse", true),
            Map.entry("feedback", true), Map.entry("fiscal-year", true), Map.entry("validate", false),
            Map.entry("restart", false), Map.entry("quiet", false), Map.entry("export", true), Map.entry("report", true),
            Map.entry("templates", true), Map.entry("prefill-from", true));

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
              --templates=DIR         run nothing: write the blank forms of the three families to DIR
                                      (with --warehouse, --municipality, --fiscal-year=R6, --prefill-from)
              --prefill-from=R5       with --templates: the forms of the current sheets of R5, for R6,
                                      with what is known filled in (one workbook per 担当課 or 基本目標)
              --help                  print this text
              --version               print the version

            Exit code 0: everything loaded; 2: some files, sheets or rows were rejected, or some
            feedback workbooks or the annual report could not be written; 1: the run failed (or the
            command line was refused) and nothing was published. --export: 0 exported, 1 nothing was exported.
            --templates: 0 written, 1 none written.
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
        Optional<String> export = exportWithRunOptions(args);
        return export.isPresent() ? export : templatesWithRunOptions(args);
    }

    /** {@code --templates} writes forms and runs nothing: it takes only the options that say which forms. */
    private static Optional<String> templatesWithRunOptions(String... args) {
        boolean templates = Arrays.stream(args).anyMatch(arg -> arg.startsWith("--templates="));
        if (!templates) {
            return Arrays.stream(args).filter(arg -> arg.startsWith("--prefill-from=")).findFirst()
                    .map(arg -> "--prefill-from fills in the templates that --templates=DIR writes, and has no place "
                            + "in a run without it");
        }
        List<String> allowed = List.of("templates", "prefill-from", "warehouse", "municipality", "fiscal-year", "quiet");
        return Arrays.stream(args).filter(arg -> !arg.substring(2).split("=", 2)[0].contains("."))
                .filter(arg -> !allowed.contains(arg.substring(2).split("=", 2)[0])).findFirst()
                .map(arg -> "--templates writes the forms for the next round and runs nothing, so " + arg.split("=", 2)[0]
                        + " has no place beside it (it takes --warehouse, --municipality, --fiscal-year and --prefill-from)");
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
