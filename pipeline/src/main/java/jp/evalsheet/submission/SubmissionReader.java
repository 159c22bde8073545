package jp.evalsheet.submission;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jp.evalsheet.extract.Finding;
import jp.evalsheet.grid.SheetGrid;
import jp.evalsheet.grid.WorkbookReadException;
import jp.evalsheet.grid.WorkbookReaders;
import jp.evalsheet.extract.SheetFamily;
import jp.evalsheet.policy.PolicyFamily;
import jp.evalsheet.value.EraYearParser;
import jp.evalsheet.strategy.StrategyFamily;
import jp.evalsheet.welfare.WelfareFamily;

/**
 * Reads one submitted file into a {@link Submission}: every sheet through the family extractor that
 * recognizes it. Hidden sheets and sheets of no known family are reported and skipped; a file that
 * cannot be read at all, or holds no sheet of a known family, is rejected as a whole.
 */
public final class SubmissionReader {

    private final Integer runFiscalYear;

    /**
     * The sheet families, asked in this order: the first that recognizes a sheet reads it. The
     * welfare overview (評価一覧) is asked before the project sheets, whose labels it prints too; a
     * strategy page without a KPI table (総括, narratives) last, as its labels are the loosest.
     */
    private final List<SheetFamily> families = List.of(new PolicyFamily(), StrategyFamily.withTables(),
            WelfareFamily.overview(), WelfareFamily.projectSheets(), StrategyFamily.pagesWithoutTable());

    /** A reader for a run of any evaluation year. */
    public SubmissionReader() {
        this(null);
    }

    /** A reader for a run of one evaluation year: a sheet of another year is rejected. */
    public SubmissionReader(Integer runFiscalYear) {
        this.runFiscalYear = runFiscalYear;
    }

    /**
     * Reads {@code file} unless {@code alreadyLoaded} says its bytes were loaded before for its
     * municipality. A file whose municipality cannot be told is rejected without being read.
     */
    public Submission read(SubmissionFile file, java.util.function.Predicate<String> alreadyLoaded) {
        String format = format(file);
        String sha256;
        long size;
        try {
            sha256 = sha256(file.path());
            size = Files.size(file.path());
        } catch (IOException e) {
            // deleted or moved since the folder was listed, or not readable by the job: a rejected file
            return new Submission(file, "", 0, format, false, List.of(), List.of(Finding.error(null, null, "unreadable_file",
                    "the file could not be read (" + reason(e) + "): it was moved or deleted during the run, or the job "
                            + "may not read it; check it is in the folder and readable, and run again", null)));
        }
        List<ExtractedSheet> sheets = new ArrayList<>();
        List<Finding> fileFindings = new ArrayList<>();
        if (file.municipality() == null) {
            fileFindings.add(Finding.error(null, null, "unknown_municipality", file.municipalityProblem(), null));
            return new Submission(file, sha256, size, format, false, List.of(), List.copyOf(fileFindings));
        }
        if (alreadyLoaded.test(sha256)) {
            return new Submission(file, sha256, size, format, true, List.of(), List.of());
        }
        try {
            String baseName = file.path().getFileName().toString().replaceFirst("\\.[^.]*$", "");
            WorkbookReaders.forFile(file.path()).read(file.path(), grid -> sheets.add(extract(grid, baseName)));
        } catch (WorkbookReadException e) {
            fileFindings.add(Finding.error(e.sheetName(), null, "unreadable_file", e.getMessage(), null));
            return new Submission(file, sha256, size, format, false, yearsChecked(sheets), List.copyOf(fileFindings));
        }
        List<ExtractedSheet> checked = yearsChecked(sheets);
        if (checked.stream().noneMatch(s -> s.content() != null || s.findings().stream().anyMatch(Finding::isError))) {
            fileFindings.add(Finding.error(null, null, "unknown_sheet_family",
                    "no sheet of a known family: expected a 施策評価シート (labels 担当課 and 施策を構成する事務事業名), "
                            + "a 総合戦略 効果検証 sheet (基本目標, 数値目標, KPI) or a 地域福祉計画 進行管理・評価シート "
                            + "(課名, 事業名, 目標値, 実績値)", null));
        }
        return new Submission(file, sha256, size, format, false, checked, List.copyOf(fileFindings));
    }

    /**
     * Every sheet with its evaluation year checked against the run's. A sheet that prints no year of
     * its own (a strategy 総括, a page of narratives) takes the year of the file's first sheet of its
     * family that prints one, else the run's; else it keeps year 0, which publishing resolves from the
     * run's other sheets of its family and municipality.
     */
    private List<ExtractedSheet> yearsChecked(List<ExtractedSheet> sheets) {
        Map<String, Integer> fileYears = new HashMap<>();
        for (ExtractedSheet sheet : sheets) {
            if (sheet.content() != null && sheet.content().evaluationFiscalYear() > 0) {
                fileYears.putIfAbsent(sheet.content().family(), sheet.content().evaluationFiscalYear());
            }
        }
        List<ExtractedSheet> checked = new ArrayList<>();
        for (ExtractedSheet sheet : sheets) {
            if (sheet.content() != null && sheet.content().evaluationFiscalYear() == 0) {
                Integer year = fileYears.getOrDefault(sheet.content().family(), runFiscalYear);
                if (year == null) {
                    checked.add(sheet);
                    continue;
                }
                sheet = new ExtractedSheet(sheet.sheetName(), sheet.content().withEvaluationFiscalYear(year),
                        sheet.findings());
            }
            checked.add(checkYear(sheet));
        }
        return List.copyOf(checked);
    }

    private ExtractedSheet checkYear(ExtractedSheet sheet) {
        if (runFiscalYear == null || sheet.content() == null || sheet.content().evaluationFiscalYear() == runFiscalYear) {
            return sheet;
        }
        int year = sheet.content().evaluationFiscalYear();
        List<Finding> findings = new ArrayList<>(sheet.findings());
        findings.add(Finding.error(sheet.sheetName(), null, "fiscal_year_mismatch", "the sheet is the evaluation of FY"
                + year + " (" + EraYearParser.eraLabel(year) + ") but this run loads FY" + runFiscalYear + " ("
                + EraYearParser.eraLabel(runFiscalYear) + "): submit it in that year's run, or check its year columns",
                null));
        return new ExtractedSheet(sheet.sheetName(), sheet.content(), List.copyOf(findings));
    }

    private ExtractedSheet extract(SheetGrid grid, String fileName) {
        if (grid.hidden()) {
            return new ExtractedSheet(grid.sheetName(), null, List.of(Finding.warning(grid.sheetName(), null, "hidden_sheet",
                    "the sheet is hidden and was not loaded; unhide it if it should be", null)));
        }
        for (SheetFamily family : families) {
            if (family.recognizes(grid)) {
                SheetFamily.Extracted extracted = family.extract(grid, fileName);
                return new ExtractedSheet(grid.sheetName(), extracted.content(), extracted.findings());
            }
        }
        if (grid.cellCount() == 0) {
            return new ExtractedSheet(grid.sheetName(), null, List.of());
        }
        return new ExtractedSheet(grid.sheetName(), null, List.of(Finding.warning(grid.sheetName(), null,
                "unknown_sheet_family", "the sheet is of no known family (not a 施策評価シート, 総合戦略 効果検証 or 地域福祉計画 評価シート) and was not loaded", null)));
    }

    /** The SHA-256 of a file's bytes, in hex: what identifies a submission's content across runs. */
    public static String sha256(java.nio.file.Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Why a file could not be read, in a few words: no such file, access denied, or the message. */
    private static String reason(IOException e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "access denied";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static String format(SubmissionFile file) {
        String name = file.path().getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
