package jp.evalsheet.load;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

import jp.evalsheet.extract.Located;
import jp.evalsheet.extract.Finding;
import jp.evalsheet.policy.PolicySheet;
import jp.evalsheet.strategy.StrategySheet;
import jp.evalsheet.submission.ExtractedSheet;
import jp.evalsheet.submission.Submission;
import jp.evalsheet.value.ParsedValue;
import jp.evalsheet.value.UnitSplitter;
import jp.evalsheet.welfare.WelfareOverview;
import jp.evalsheet.welfare.WelfareSheet;

/**
 * Writes read submissions into the warehouse in bulk through DuckDB Appenders, inside the caller's
 * transaction. Sheets are written as {@code pending} sheet loads: the views do not see them until
 * the run publishes them, all together, in one transaction ({@link RunPublisher}).
 *
 * <p>Two traps of the Appender are avoided here: a statement is run before the first append so that
 * the appended rows belong to the caller's transaction, and every appender is flushed explicitly,
 * because {@code close()} would swallow a failed flush and silently drop rows.
 */
public final class WarehouseWriter {

    /** How many rows of facts one call wrote. */
    public record Written(int sheets, long facts) {
    }

    /** The tables the job appends to: the run log and the facts, each row with its municipality. */
    static final List<String> TABLES = List.of("etl_sheet_loads", "etl_messages", "etl_file_loads",
            "fct_policy_evaluations", "fct_policy_related_departments", "fct_indicators", "fct_indicator_values",
            "fct_policy_projects", "fct_project_costs", "fct_policy_cost_totals", "fct_policy_ratings", "fct_narratives",
            "fct_plan_items", "fct_statuses", "fct_overview_grades", "fct_printed_status_counts");

    public Written write(Connection connection, long loadRunId, List<Submission> submissions, LocalDateTime now)
            throws SQLException {
        try (Statement statement = connection.createStatement()) {
            // joins the appenders' rows to the caller's transaction, which DuckDB opens lazily
            statement.execute("select 1");
        }
        DuckDBConnection duckdb = connection.unwrap(DuckDBConnection.class);
        Map<String, DuckDBAppender> appenders = new LinkedHashMap<>();
        try {
            for (String table : TABLES) {
                appenders.put(table, duckdb.createAppender(DuckDBConnection.DEFAULT_SCHEMA, table));
            }
            int loadable = submissions.stream().mapToInt(sub -> (int) sub.loadableSheetCount()).sum();
            Batch batch = new Batch(appenders, loadRunId, now, sheetLoadIds(connection, loadable));
            int sheets = 0;
            for (Submission submission : submissions) {
                sheets += batch.submission(submission);
            }
            for (DuckDBAppender appender : appenders.values()) {
                appender.flush();
            }
            return new Written(sheets, batch.facts);
        } finally {
            for (DuckDBAppender appender : appenders.values()) {
                appender.close();
            }
        }
    }

    /** Appends the rows of one write call. */
    private static final class Batch {
        private final Map<String, DuckDBAppender> appenders;
        private final long loadRunId;
        private final LocalDateTime now;
        private long facts;

        private final java.util.Iterator<Long> sheetLoadIds;

        Batch(Map<String, DuckDBAppender> appenders, long loadRunId, LocalDateTime now, List<Long> sheetLoadIds) {
            this.appenders = appenders;
            this.loadRunId = loadRunId;
            this.now = now;
            this.sheetLoadIds = sheetLoadIds.iterator();
        }

        int submission(Submission submission) throws SQLException {
            String file = submission.file().name();
            String municipality = submission.file().municipalityCode();
            long factsBefore = facts;
            int loaded = 0;
            for (Finding finding : submission.fileFindings()) {
                message(null, file, municipality, finding);
            }
            for (ExtractedSheet sheet : submission.sheets()) {
                Long sheetLoadId = null;
                if (sheet.isLoadable()) {
                    sheetLoadId = sheetLoadIds.next();
                    long sheetFactsBefore = facts;
                    Lineage lineage = new Lineage(file, submission.sha256(), sheet.sheetName(), loadRunId, sheetLoadId,
                            municipality);
                    if (sheet.content() instanceof PolicySheet policy) {
                        policy(policy, lineage);
                    } else if (sheet.content() instanceof StrategySheet strategy) {
                        strategy(strategy, lineage);
                    } else if (sheet.content() instanceof WelfareSheet welfare) {
                        welfare(welfare, lineage);
                    } else if (sheet.content() instanceof WelfareOverview overview) {
                        welfareOverview(overview, lineage);
                    } else {
                        throw new IllegalStateException("no writer for " + sheet.content().family());
                    }
                    sheetLoad(sheetLoadId, submission, sheet, (int) (facts - sheetFactsBefore));
                    loaded++;
                }
                for (Finding finding : sheet.findings()) {
                    message(sheetLoadId, file, municipality, finding);
                }
            }
            row("etl_file_loads", loadRunId, file, submission.sha256(), submission.sizeBytes(), submission.format(),
                    submission.outcome(), submission.sheets().size(), loaded, (int) submission.rejectedSheetCount(),
                    facts - factsBefore, summary(submission), municipality,
                    submission.file().municipality() == null ? null : submission.file().municipality().name(),
                    null); // feedback_workbook: named when the feedback is written, after the run is published
            return loaded;
        }

        private void policy(PolicySheet sheet, Lineage at) throws SQLException {
            int year = sheet.evaluationFiscalYear();
            String code = sheet.policyCode();
            fact("fct_policy_evaluations", at, sheet.codeCell().cell(), sheet.codeCell().rawText(),
                    sheet.planId(), code, sheet.policyName(), year, sheet.departmentName(),
                    text(sheet.relatedDepartmentsCell()), text(sheet.targetState()), text(sheet.machiHitoShigotoGoal()));
            for (int i = 0; i < sheet.relatedDepartments().size(); i++) {
                fact("fct_policy_related_departments", at, sheet.relatedDepartmentsCell().cell(),
                        sheet.relatedDepartmentsCell().rawText(), code, year, i + 1, sheet.relatedDepartments().get(i));
            }
            for (PolicySheet.Indicator indicator : sheet.indicators()) {
                fact("fct_indicators", at, indicator.cell(), indicator.nameAsPrinted(), sheet.planId(), "施策指標", code,
                        indicator.number(), indicator.name(), indicator.unit(), indicator.nameAsPrinted(),
                        indicator.definition(), indicator.mhsTag(), null, indicator.cumulative(), year);
                for (PolicySheet.IndicatorValue value : indicator.values()) {
                    ParsedValue parsed = value.value();
                    fact("fct_indicator_values", at, value.cell(), parsed.raw(), sheet.planId(), code,
                            indicator.number(), value.fiscalYear(), value.kind().sqlName(), null, scaled(parsed, 4),
                            parsed.unit(), status(parsed), false, year);
                }
            }
            for (PolicySheet.PolicyRating rating : sheet.ratings()) {
                fact("fct_policy_ratings", at, rating.cell(), rating.rating().raw(), code, year, rating.kind(),
                        rating.rating().value(), rating.rating().label());
            }
            for (PolicySheet.Project project : sheet.projects()) {
                fact("fct_policy_projects", at, project.cell(), project.nameAsPrinted(), code, year,
                        project.rowNumber(), project.name(), project.nameAsPrinted(), project.relisted(),
                        project.direction());
                for (PolicySheet.ProjectCost cost : project.costs()) {
                    fact("fct_project_costs", at, cost.cell(), cost.value().raw(), code, project.rowNumber(),
                            project.name(), project.relisted(), cost.fiscalYear(), cost.basis().sqlName(),
                            scaled(cost.value(), 3), status(cost.value()), year);
                }
            }
            for (PolicySheet.PrintedTotal total : sheet.printedTotals()) {
                fact("fct_policy_cost_totals", at, total.cell(), total.value().raw(), code, total.kind(),
                        total.fiscalYear(), total.basis().sqlName(), scaled(total.value(), 3), status(total.value()), year);
            }
            for (PolicySheet.Narrative narrative : sheet.narratives()) {
                fact("fct_narratives", at, narrative.cell(), narrative.text(), sheet.planId(), code, year,
                        narrative.key(), narrative.heading(), narrative.text());
            }
        }

        private void strategy(StrategySheet sheet, Lineage at) throws SQLException {
            int year = sheet.evaluationFiscalYear();
            String plan = sheet.planId();
            for (StrategySheet.Goal goal : sheet.goals()) {
                String code = Integer.toString(goal.number());
                fact("fct_plan_items", at, goal.cell().cell(), goal.cell().rawText(), plan, code, "basic_goal",
                        goal.name(), goal.number(), goal.name(), null, null, null, null, null, year);
                for (StrategySheet.NumericTarget target : goal.numericTargets()) {
                    strategyIndicator(at, plan, "数値目標", code, target.number(), target.name(), target.unit(),
                            target.nameAsPrinted(), null, target.cell(), target.values(), target.status(), year);
                }
                for (StrategySheet.Measure measure : goal.measures()) {
                    String owner = StrategySheet.measureCode(goal.number(), measure.label());
                    fact("fct_plan_items", at, measure.cell(), measure.name(), plan, owner, "measure", measure.name(),
                            goal.number(), goal.name(), null, null, measure.departmentsRaw(),
                            measure.departments().isEmpty() ? null : measure.departments().get(0), null, year);
                    for (StrategySheet.Kpi kpi : measure.kpis()) {
                        strategyIndicator(at, plan, "KPI", owner, kpi.number(), kpi.name(), kpi.unit(),
                                kpi.nameAsPrinted(), kpi.department(), kpi.cell(), kpi.values(), kpi.status(), year);
                    }
                }
            }
            for (StrategySheet.Narrative narrative : sheet.narratives()) {
                fact("fct_narratives", at, narrative.cell(), narrative.text(), plan, narrative.ownerCode(), year,
                        narrative.key(), narrative.heading(), narrative.text());
            }
            if (sheet.summary() != null) {
                for (StrategySheet.PrintedCount count : sheet.summary().counts()) {
                    fact("fct_printed_status_counts", at, count.cell(), count.raw(), plan, count.category(),
                            count.status(), count.count(), count.sharePercent(), year);
                }
            }
        }

        private void strategyIndicator(Lineage at, String plan, String category, String owner, int number, String name,
                String unit, String nameAsPrinted, String department, String cell, List<StrategySheet.YearValue> values,
                StrategySheet.StatusCell status, int year) throws SQLException {
            fact("fct_indicators", at, cell, nameAsPrinted, plan, category, owner, number, name, unit(unit), nameAsPrinted,
                    null, null, department, UnitSplitter.isCumulative(name), year);
            for (StrategySheet.YearValue value : values) {
                if (value == null) {
                    continue;
                }
                ParsedValue parsed = value.value();
                fact("fct_indicator_values", at, value.cell(), parsed.raw(), plan, owner, number, value.fiscalYear(),
                        value.kind().sqlName(), null, scaled(parsed, 4), parsed.unit(), status(parsed), false, year);
            }
            if (status != null) {
                fact("fct_statuses", at, status.cell(), status.raw(), plan, category, owner, number, year,
                        status.code(), status.label());
            }
        }

        private void welfare(WelfareSheet sheet, Lineage at) throws SQLException {
            int year = sheet.evaluationFiscalYear();
            String plan = sheet.planId();
            String owner = sheet.subjectCode();
            fact("fct_plan_items", at, sheet.project().cell(), sheet.project().rawText(), plan, owner, "project",
                    sheet.projectName(), sheet.basicGoalNo(), sheet.basicGoalName(), sheet.directionNo(),
                    sheet.directionName(), text(sheet.sectionsCell()), sheet.departmentName(), text(sheet.outline()), year);
            fact("fct_indicators", at, sheet.indicator().cell(), sheet.indicator().rawText(), plan, "福祉事業指標", owner, 1,
                    sheet.indicatorName(), null, sheet.indicatorName(), null, null, sheet.departmentName(),
                    UnitSplitter.isCumulative(sheet.indicatorName()), year);
            for (WelfareSheet.YearValue value : sheet.values()) {
                ParsedValue parsed = value.value();
                fact("fct_indicator_values", at, value.cell(), parsed.raw(), plan, owner, 1, value.fiscalYear(),
                        value.kind().sqlName(), value.subLabel(), scaled(parsed, 4), parsed.unit(), status(parsed),
                        value.inferredFromMerge(), year);
            }
            WelfareSheet.Evaluation evaluation = sheet.evaluation();
            fact("fct_statuses", at, evaluation.cell(), evaluation.raw(), plan, "福祉事業評価", owner, null, year,
                    evaluation.code(), evaluation.label());
            for (WelfareSheet.Narrative narrative : sheet.narratives()) {
                fact("fct_narratives", at, narrative.cell(), narrative.text(), plan, owner, year, narrative.key(),
                        narrative.heading(), narrative.text());
            }
        }

        private void welfareOverview(WelfareOverview overview, Lineage at) throws SQLException {
            int year = overview.evaluationFiscalYear();
            for (WelfareOverview.Row row : overview.rows()) {
                if (row.grades().isEmpty()) {
                    // a project printed without grades (such as (17)①) stays visible as a row without a grade
                    fact("fct_overview_grades", at, row.project().cell(), row.project().rawText(), overview.planId(),
                            row.subjectCode(), row.basicGoalNo(), row.directionNo(), row.directionName(), row.projectNo(),
                            row.projectName(), year, null, year);
                }
                for (WelfareOverview.Grade grade : row.grades()) {
                    fact("fct_overview_grades", at, grade.cell(), grade.raw(), overview.planId(), row.subjectCode(),
                            row.basicGoalNo(), row.directionNo(), row.directionName(), row.projectNo(), row.projectName(),
                            grade.fiscalYear(), grade.code(), year);
                }
            }
        }

        private void sheetLoad(long sheetLoadId, Submission submission, ExtractedSheet sheet, int sheetFacts)
                throws SQLException {
            var content = sheet.content();
            row("etl_sheet_loads", sheetLoadId, loadRunId, submission.file().name(), submission.sha256(),
                    sheet.sheetName(), content.family(), content.planId(), content.subjectCode(),
                    content.evaluationFiscalYear(), content.departmentName(), sheetFacts, "pending", null, now,
                    submission.file().municipality().code(), submission.file().municipality().name());
        }

        private void message(Long sheetLoadId, String file, String municipality, Finding finding) throws SQLException {
            row("etl_messages", loadRunId, sheetLoadId, file, finding.sheetName(), finding.cell(),
                    finding.severity().sqlName(), finding.rule(), finding.message(), finding.rawText(), municipality);
        }

        /** Appends a fact row: its own columns, then the lineage columns, then the municipality. */
        private void fact(String table, Lineage at, String cell, String raw, Object... columns) throws SQLException {
            Object[] values = new Object[columns.length + 8];
            System.arraycopy(columns, 0, values, 0, columns.length);
            int i = columns.length;
            values[i] = at.file();
            values[i + 1] = at.sha256();
            values[i + 2] = at.sheet();
            values[i + 3] = cell;
            values[i + 4] = raw;
            values[i + 5] = at.loadRunId();
            values[i + 6] = at.sheetLoadId();
            values[i + 7] = at.municipality();
            row(table, values);
            facts++;
        }

        private void row(String table, Object... values) throws SQLException {
            DuckDBAppender appender = appenders.get(table);
            appender.beginRow();
            for (Object value : values) {
                if (value == null) {
                    appender.appendNull();
                } else if (value instanceof String text) {
                    appender.append(text);
                } else if (value instanceof Integer number) {
                    appender.append(number.intValue());
                } else if (value instanceof Long number) {
                    appender.append(number.longValue());
                } else if (value instanceof Boolean flag) {
                    appender.append(flag.booleanValue());
                } else if (value instanceof BigDecimal decimal) {
                    appender.append(decimal);
                } else if (value instanceof LocalDateTime time) {
                    appender.append(time);
                } else {
                    throw new IllegalArgumentException("cannot append " + value.getClass());
                }
            }
            appender.endRow();
        }

        private static String summary(Submission submission) {
            List<Finding> errors = new java.util.ArrayList<>(submission.fileFindings().stream().filter(Finding::isError).toList());
            submission.sheets().forEach(s -> errors.addAll(s.findings().stream().filter(Finding::isError).toList()));
            if (errors.isEmpty()) {
                return null;
            }
            String first = errors.get(0).describe();
            return errors.size() == 1 ? first : first + " (and " + (errors.size() - 1) + " more errors)";
        }
    }

    /** The ids of the sheet loads of one write call, drawn from the sequence in one query. */
    private static List<Long> sheetLoadIds(Connection connection, int count) throws SQLException {
        List<Long> ids = new java.util.ArrayList<>(count);
        try (PreparedStatement statement = connection.prepareStatement(
                "select nextval('etl_sheet_load_id_seq') from range(?) order by 1")) {
            statement.setInt(1, count);
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    ids.add(result.getLong(1));
                }
            }
        }
        return ids;
    }

    private record Lineage(String file, String sha256, String sheet, long loadRunId, long sheetLoadId,
            String municipality) {
    }

    private static String text(Located located) {
        return located == null ? null : located.rawText();
    }

    /** Units are stored half-width, so that ％ and % are one unit. */
    private static String unit(String printed) {
        return printed == null ? null : jp.evalsheet.value.JapaneseText.toHalfWidthDigits(printed).strip();
    }

    private static BigDecimal scaled(ParsedValue value, int scale) {
        return value.number() == null ? null : value.number().setScale(scale, RoundingMode.HALF_UP);
    }

    private static String status(ParsedValue value) {
        return value.kind().name().toLowerCase(java.util.Locale.ROOT);
    }
}
