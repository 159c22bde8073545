package jp.evalsheet.template;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import jp.evalsheet.report.AnnualReportFile;
import jp.evalsheet.submission.Municipality;
import jp.evalsheet.value.EraYearParser;

/**
 * {@code --templates=DIR}: writes the blank forms the departments fill in for the next round, one
 * workbook per family, and runs nothing else. With {@code --prefill-from=R5} the forms are those of
 * the municipality's current sheets of R5, for R6: one workbook per 担当課 (施策評価シート,
 * 地域福祉計画 評価シート) or per 基本目標 (総合戦略), with the names, indicators, projects, targets and
 * the figures already known filled in, read from the published warehouse through the read-only URL.
 * The year of the forms is {@code --fiscal-year}, else the year after {@code --prefill-from}, else
 * the current fiscal year. A family with nothing published for the year gets its blank form, and the
 * line says so.
 *
 * <p>Each file is written through a temporary file renamed over it, readable by the group (0644).
 * Exit code 0: every workbook written; 1: none could be (an unknown municipality, a warehouse that
 * cannot be read, nothing published for the year asked, a folder that cannot be written).
 */
public final class TemplateCommand {

    private static final int WRITTEN = 0;
    private static final int FAILED = 1;

    private final Path warehouse;
    private final Path folder;
    private final PrintStream out;

    public TemplateCommand(Path warehouse, Path folder, PrintStream out) {
        this.warehouse = warehouse;
        this.folder = folder.toAbsolutePath().normalize();
        this.out = out;
    }

    /** Writes the templates the options ask for; returns the exit code. */
    public int run(String municipalityOption, String prefillOption, String fiscalYearOption) {
        try {
            Integer prefill = prefillOption == null ? null : EraYearParser.parseFiscalYearOrThrow(prefillOption);
            int year = fiscalYearOption != null ? EraYearParser.parseFiscalYearOrThrow(fiscalYearOption)
                    : prefill != null ? prefill + 1 : currentFiscalYear(LocalDate.now());
            Files.createDirectories(folder);
            List<String> lines = prefill == null ? blank(year) : prefilled(municipalityOption, prefill, year);
            if (lines == null) {
                return FAILED;
            }
            out.println("Templates for " + EraYearParser.eraLabel(year) + " (" + EraYearParser.warekiLabel(year) + ") in "
                    + folder + (prefill == null ? ", blank:" : ", pre-filled from " + EraYearParser.eraLabel(prefill) + ":"));
            lines.forEach(out::println);
            return WRITTEN;
        } catch (jp.evalsheet.value.ValueParseException | IllegalArgumentException e) {
            out.println("Refused: " + e.getMessage() + ". No template was written.");
            return FAILED;
        } catch (IOException | SQLException | RuntimeException e) {
            out.println("FAILED: templates could not be written to " + folder + " (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + ").");
            return FAILED;
        }
    }

    /** The fiscal year (April to March) of a day. */
    static int currentFiscalYear(LocalDate day) {
        return day.getMonthValue() >= 4 ? day.getYear() : day.getYear() - 1;
    }

    private List<String> blank(int year) throws IOException {
        String era = EraYearParser.eraLabel(year);
        List<String> lines = new ArrayList<>();
        lines.add(write(era + "_施策評価シート_様式.xlsx", "blank form",
                (workbook, styles) -> PolicyTemplate.draw(workbook, styles, year, PolicyForm.blank())));
        lines.add(write(era + "_総合戦略効果検証_様式.xlsx", "blank form",
                (workbook, styles) -> StrategyTemplate.draw(workbook, styles, year, StrategyForm.blank())));
        lines.add(write(era + "_地域福祉計画評価シート_様式.xlsx", "blank form",
                (workbook, styles) -> WelfareTemplate.draw(workbook, styles, year, WelfareForm.blank())));
        return lines;
    }

    private List<String> prefilled(String municipalityOption, int prefill, int year) throws IOException, SQLException {
        if (!Files.exists(warehouse)) {
            out.println("Refused: --prefill-from reads the published warehouse, and " + warehouse.toAbsolutePath().normalize()
                    + " does not exist. No template was written.");
            return null;
        }
        try (Connection connection = AnnualReportFile.open(warehouse)) {
            String code = municipalityOption == null ? null : Municipality.require(municipalityOption).code();
            Map<String, String> held = TemplateQueries.municipalities(connection, code);
            if (held.size() != 1) {
                out.println("Refused: " + (code != null ? "the warehouse holds no current sheets of " + municipalityOption
                        : held.isEmpty() ? "the warehouse holds no current sheets"
                        : "the warehouse holds more than one municipality: --municipality=CODE_NAME chooses one")
                        + ". No template was written.");
                return null;
            }
            String municipality = held.keySet().iterator().next();
            TemplateQueries queries = new TemplateQueries(connection, municipality, prefill);
            Map<String, List<PolicyForm>> policies = queries.policies();
            List<StrategyForm> goals = queries.strategyGoals();
            Map<String, List<WelfareForm>> welfare = queries.welfareProjects();
            String from = EraYearParser.eraLabel(prefill);
            if (policies.isEmpty() && goals.isEmpty() && welfare.isEmpty()) {
                out.println("Refused: the warehouse holds no current sheets of " + from + " for " + municipality
                        + " (--prefill-from names the evaluation year of the sheets to start from). No template was written.");
                return null;
            }
            String era = EraYearParser.eraLabel(year);
            List<String> lines = new ArrayList<>();
            if (policies.isEmpty()) {
                lines.add(write(era + "_施策評価シート_様式.xlsx", "blank: no 施策評価シート of " + from + " is published",
                        (workbook, styles) -> PolicyTemplate.draw(workbook, styles, year, PolicyForm.blank())));
            }
            for (Map.Entry<String, List<PolicyForm>> department : policies.entrySet()) {
                lines.add(write(era + "_施策評価シート_" + safe(department.getKey()) + ".xlsx",
                        department.getValue().size() + " policies", (workbook, styles) -> department.getValue()
                                .forEach(form -> PolicyTemplate.draw(workbook, styles, year, form))));
            }
            if (goals.isEmpty()) {
                lines.add(write(era + "_総合戦略効果検証_様式.xlsx", "blank: no 総合戦略 効果検証 of " + from + " is published",
                        (workbook, styles) -> StrategyTemplate.draw(workbook, styles, year, StrategyForm.blank())));
            }
            for (StrategyForm goal : goals) {
                lines.add(write(era + "_総合戦略効果検証_基本目標" + goal.goalNo() + ".xlsx",
                        goal.targets().size() + " 数値目標, " + goal.measures().size() + " measures, "
                                + goal.measures().stream().mapToInt(m -> m.kpis().size()).sum() + " KPIs",
                        (workbook, styles) -> StrategyTemplate.draw(workbook, styles, year, goal)));
            }
            if (welfare.isEmpty()) {
                lines.add(write(era + "_地域福祉計画評価シート_様式.xlsx", "blank: no 地域福祉計画 評価シート of " + from + " is published",
                        (workbook, styles) -> WelfareTemplate.draw(workbook, styles, year, WelfareForm.blank())));
            }
            for (Map.Entry<String, List<WelfareForm>> department : welfare.entrySet()) {
                lines.add(write(era + "_地域福祉計画評価シート_" + safe(department.getKey()) + ".xlsx",
                        department.getValue().size() + " projects", (workbook, styles) -> department.getValue()
                                .forEach(form -> WelfareTemplate.draw(workbook, styles, year, form))));
            }
            return lines;
        }
    }

    private interface Drawing {
        void draw(XSSFWorkbook workbook, FormSheet.Styles styles);
    }

    private String write(String name, String what, Drawing drawing) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            drawing.draw(workbook, new FormSheet.Styles(workbook));
            // the totals (計) are formulas: computed now, so that a reader sees them before Excel recalculates
            workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
            workbook.setForceFormulaRecalculation(true);
            AnnualReportFile.writeShared(folder.resolve(name), workbook);
            return "  " + name + "  (" + what + ")";
        }
    }

    /** A department's name as part of a file name. */
    private static String safe(String name) {
        return name == null ? "担当課なし" : name.replaceAll("[\\\\/:*?\"<>|\\s]", "_");
    }
}
