package jp.evalsheet.load;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

import jp.evalsheet.extract.Finding;
import jp.evalsheet.submission.Municipality;

/**
 * Publishes a run: in one transaction, the run's pending sheet loads become the current ones, the
 * loads they replace become history, the dimensions and the marts of the heavier views
 * ({@link Marts}) are rebuilt from the current facts, and the data
 * tests are run; if any data test finds rows, the whole publication rolls back. Until then the views
 * show the previous state, so a reader never sees a half-loaded warehouse.
 */
public final class RunPublisher {

    /** The counts a published run reports in etl_load_runs. */
    public record RunCounts(int filesSeen, int filesLoaded, int filesUnchanged, int filesRejected,
            int sheetsLoaded, int sheetsRejected, long factsLoaded) {
    }

    private final JdbcTemplate jdbc;
    private final DataTests dataTests;

    public RunPublisher(JdbcTemplate jdbc, DataTests dataTests) {
        this.jdbc = jdbc;
        this.dataTests = dataTests;
    }

    /**
     * Records the start of a run, or its restart; sheets left pending by abandoned runs are marked so.
     * Rows loaded before the warehouse knew municipalities are assigned to the run's municipality.
     */
    public void open(long loadRunId, String jobName, String inputDir, boolean dryRun, LocalDateTime now,
            Municipality municipality) {
        jdbc.update("update etl_sheet_loads set status = 'abandoned' where status = 'pending' and load_run_id <> ?", loadRunId);
        if (municipality != null && hasRowsWithoutMunicipality(jdbc)) {
            adoptRowsWithoutMunicipality(loadRunId, municipality);
        }
        int updated = jdbc.update("update etl_load_runs set status = 'running', finished_at = null where load_run_id = ?", loadRunId);
        if (updated == 0) {
            jdbc.update("insert into etl_load_runs (load_run_id, job_name, input_dir, is_dry_run, started_at, status) "
                    + "values (?, ?, ?, ?, ?, 'running')", loadRunId, jobName, inputDir, dryRun, Timestamp.valueOf(now));
        }
    }

    /** Records in the run's row the unfinished run it discarded (a kill or a failure before it). */
    public void recordReplacedRun(long loadRunId, String replacedRun) {
        jdbc.update("update etl_load_runs set replaced_unfinished_run = ? where load_run_id = ?", replacedRun, loadRunId);
    }

    public RunCounts publish(long loadRunId, LocalDateTime now) {
        return publish(loadRunId, now, () -> { });
    }

    /** Publishes the run; {@code beforeDataTests} runs inside the transaction, after the dimensions are rebuilt. */
    public RunCounts publish(long loadRunId, LocalDateTime now, Runnable beforeDataTests) {
        if (dateUndatedSheets(loadRunId) + rejectDuplicateSubjects(loadRunId) + rejectPartialReplacements(loadRunId) > 0) {
            recountFileLoads(loadRunId);
        }
        jdbc.update(SqlFiles.query("publish_supersede"), loadRunId);
        jdbc.update("update etl_sheet_loads set status = 'published' where load_run_id = ? and status = 'pending'", loadRunId);
        Dimensions.rebuild(jdbc);
        Marts.refresh(jdbc);
        beforeDataTests.run();
        dataTests.assertPass(jdbc);
        RunCounts counts = counts(loadRunId);
        jdbc.update(SqlFiles.query("publish_complete_run"), Timestamp.valueOf(now), counts.filesSeen(),
                counts.filesLoaded(), counts.filesUnchanged(), counts.filesRejected(), counts.sheetsLoaded(),
                counts.sheetsRejected(), counts.factsLoaded(), loadRunId);
        return counts;
    }

    public void markFailed(long loadRunId, LocalDateTime now) {
        jdbc.update("update etl_load_runs set status = 'failed', finished_at = ? where load_run_id = ?",
                Timestamp.valueOf(now), loadRunId);
    }

    /**
     * A strategy sheet that prints no year (the 総括, a page of narratives, saved alone as a CSV) takes
     * the evaluation year of the municipality's strategy sheets of this run, else of its published ones;
     * without either it is rejected. Returns the number rejected.
     */
    private int dateUndatedSheets(long loadRunId) {
        List<Map<String, Object>> undated = jdbc.queryForList(SqlFiles.query("publish_undated_sheets"), loadRunId);
        int rejected = 0;
        for (Map<String, Object> sheet : undated) {
            Object id = sheet.get("sheet_load_id");
            if (sheet.get("fiscal_year") == null) {
                String message = "the sheet prints no evaluation year and no KPI sheet of its municipality gives one; "
                        + "add a title such as '総括（令和6年度）', submit it with the KPI sheets, or run with --fiscal-year";
                rejectSheet(loadRunId, sheet, Finding.error(null, null, "missing_evaluation_year", message, null));
                rejected++;
                continue;
            }
            for (String table : List.of("etl_sheet_loads", "fct_plan_items", "fct_narratives", "fct_printed_status_counts")) {
                String key = table.equals("etl_sheet_loads") ? "sheet_load_id" : "_sheet_load_id";
                jdbc.update("update " + table + " set evaluation_fiscal_year = ? where " + key + " = ?",
                        sheet.get("fiscal_year"), id);
            }
        }
        return rejected;
    }

    /** The same subject and year submitted twice in one run: neither is loaded, both are reported. */
    private int rejectDuplicateSubjects(long loadRunId) {
        List<Map<String, Object>> duplicates = jdbc.queryForList(SqlFiles.query("publish_duplicate_subjects"), loadRunId);
        for (Map<String, Object> duplicate : duplicates) {
            String message = "subject " + duplicate.get("subject_code") + " of fiscal year "
                    + duplicate.get("evaluation_fiscal_year") + " is also submitted in " + duplicate.get("others")
                    + " in this run; neither was loaded: submit exactly one of them";
            rejectSheet(loadRunId, duplicate, Finding.error(null, null, "duplicate_submission", message, null));
        }
        return duplicates.size();
    }

    /**
     * A sheet loaded without the rows it could not read (its row errors) never replaces a published
     * version of its subject: that would lose the published rows. It is rejected, and the published
     * version stays whole until a corrected sheet is submitted. A sheet with row errors and no
     * published version is loaded without those rows.
     */
    private int rejectPartialReplacements(long loadRunId) {
        List<Map<String, Object>> partial = jdbc.queryForList(SqlFiles.query("publish_partial_replacements"), loadRunId);
        for (Map<String, Object> sheet : partial) {
            String message = "the sheet has rows that could not be read (see the errors on its cells) and would replace "
                    + "subject " + sheet.get("subject_code") + " as published from " + sheet.get("published_file")
                    + " (sheet " + sheet.get("published_sheet") + "); it was not loaded, so that nothing published is "
                    + "lost: correct those rows and submit it again";
            rejectSheet(loadRunId, sheet, Finding.error(null, null, "partial_replacement", message, null));
        }
        return partial.size();
    }

    /** Rejects a pending sheet of the run ({@code sheet}: a row naming it) with an error on the whole sheet. */
    private void rejectSheet(long loadRunId, Map<String, Object> sheet, Finding error) {
        jdbc.update(SqlFiles.query("publish_sheet_error"), loadRunId, sheet.get("sheet_load_id"), sheet.get("source_file"),
                sheet.get("sheet_name"), error.rule(), error.message(), sheet.get("municipality_code"));
        jdbc.update("update etl_sheet_loads set status = 'rejected' where sheet_load_id = ?", sheet.get("sheet_load_id"));
    }

    /** The sheet counts and outcome of the run's files after sheets were rejected at publishing. */
    private void recountFileLoads(long loadRunId) {
        jdbc.update(SqlFiles.query("publish_recount_sheets"), loadRunId);
        jdbc.update(SqlFiles.query("publish_file_outcomes"), loadRunId);
    }

    /**
     * A warehouse built before municipalities were recorded held one municipality's sheets: they are
     * assigned to the municipality the first run after the upgrade names.
     */
    private void adoptRowsWithoutMunicipality(long loadRunId, Municipality municipality) {
        // the runs before this one: a run on such a warehouse that names no municipality is refused
        // (IngestionCommand), so every earlier row without one is from before the upgrade, while a
        // file rejected as unknown_municipality later has none and must keep none
        for (String table : WarehouseWriter.TABLES) {
            String run = table.startsWith("fct_") ? "_load_run_id" : "load_run_id";
            jdbc.update("update " + table + " set municipality_code = ? where municipality_code is null and " + run + " < ?",
                    municipality.code(), loadRunId);
        }
        for (String table : List.of("etl_file_loads", "etl_sheet_loads")) {
            jdbc.update("update " + table + " set municipality_name = ? where municipality_code = ? and municipality_name is null"
                    + " and load_run_id < ?", municipality.name(), municipality.code(), loadRunId);
        }
    }

    /** Whether the warehouse holds sheets loaded before municipalities were recorded (migration V007). */
    public static boolean hasRowsWithoutMunicipality(JdbcTemplate jdbc) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from etl_sheet_loads where municipality_code is null)", Boolean.class));
    }

    private RunCounts counts(long loadRunId) {
        return jdbc.queryForObject(SqlFiles.query("publish_run_counts"), (rs, row) -> new RunCounts(rs.getInt(1),
                rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5), rs.getInt(6), rs.getLong(7)), loadRunId);
    }
}
