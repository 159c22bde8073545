package jp.evalsheet.bench;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.evalsheet.samples.TruthTable;

/**
 * The sample city's truth tables varied for one synthetic municipality: its figures scaled (costs by
 * ±30 %, indicator levels by ±30 % with a little noise per year), its statuses, grades and ratings
 * drawn from those the city printed (so every one is a label the city uses), and its subject codes
 * moved to a block of its own, so that the sheets of different municipalities are different
 * subjects of the warehouse as far as the printed code formats allow.
 *
 * <p>The warehouse has no municipality column: a subject is (family, plan, code, evaluation year).
 * The printed codes bound how many municipalities fit: policy codes have three digits (900 codes, 14
 * per municipality: 64 municipalities), 基本目標 numbers two digits (99 goals, 4 per municipality: 24),
 * welfare (施策の方向性, 事業) numbers two digits and ①..⑳ (three directions per municipality: 33), and the welfare
 * overview is one subject per year (one municipality). Beyond that the codes wrap around and the
 * job rejects the colliding sheets as {@code duplicate_submission}; the benchmark reports how many.
 */
final class VariedTruth {

    static final int POLICIES_PER_MUNICIPALITY = 14;
    static final int GOALS_PER_MUNICIPALITY = 4;

    private static final Map<String, TruthTable> TRUTH = new HashMap<>();

    private static final Pattern NUMBER = Pattern.compile("^(-?)(\\d{1,3}(?:,\\d{3})+|\\d+)(\\.\\d+)?(%|[^\\d\\s.,%/][^\\d]*)?$");
    private static final Pattern DIRECTION_PREFIX = Pattern.compile("^[（(][^）)]*[）)]");

    private final int municipality;
    private final Random random;
    private final Map<String, TruthTable> tables = new LinkedHashMap<>();

    VariedTruth(long seed, int municipality) {
        this.municipality = municipality;
        this.random = new Random(seed * 1_000_003L + municipality);
        varyPolicy();
        varyStrategy();
        varyWelfare();
    }

    /** The varied table of a truth table name. */
    TruthTable table(String name) {
        TruthTable table = tables.get(name);
        if (table == null) {
            throw new IllegalArgumentException("no varied table " + name);
        }
        return table;
    }

    Random random() {
        return random;
    }

    static synchronized TruthTable truth(String name) {
        return TRUTH.computeIfAbsent(name, TruthTable::load);
    }

    // ---------------------------------------------------------------- policy

    private void varyPolicy() {
        Map<String, String> codes = new LinkedHashMap<>();
        List<Map<String, String>> truthSheets = truth("policy_sheet").rows();
        for (int i = 0; i < truthSheets.size(); i++) {
            codes.put(truthSheets.get(i).get("policy_code"),
                    Integer.toString(100 + (municipality * POLICIES_PER_MUNICIPALITY + i) % 900));
        }
        List<Map<String, String>> sheets = new ArrayList<>();
        for (Map<String, String> truth : truthSheets) {
            Map<String, String> row = new LinkedHashMap<>(truth);
            row.put("policy_code", codes.get(truth.get("policy_code")));
            Map<String, String> progress = pick(truthSheets);
            Map<String, String> necessity = pick(truthSheets);
            for (String column : List.of("progress_rating", "progress_label", "progress_as_printed")) {
                row.put(column, progress.get(column));
            }
            for (String column : List.of("necessity_rating", "necessity_label", "necessity_as_printed")) {
                row.put(column, necessity.get(column));
            }
            sheets.add(row);
        }
        put("policy_sheet", sheets);

        List<Map<String, String>> indicators = new ArrayList<>();
        for (Map<String, String> truth : truth("policy_indicator").rows()) {
            Map<String, String> row = recoded(truth, codes);
            double level = factor(0.3);
            for (String column : List.of("actual_R2", "actual_R3", "forecast_R4", "target_R7")) {
                row.put(column, scaled(truth.get(column), level * factor(0.08)));
            }
            indicators.add(row);
        }
        put("policy_indicator", indicators);

        // costs ±30 % per project and year; the printed totals move by the change of their projects'
        // sum, so a total that the city printed as the sum stays the sum (and a discrepancy stays one)
        Map<String, BigDecimal> change = new HashMap<>();
        List<Map<String, String>> projects = new ArrayList<>();
        for (Map<String, String> truth : truth("policy_project_cost").rows()) {
            Map<String, String> row = recoded(truth, codes);
            for (String column : List.of("cost_R2_raw", "cost_R3_raw", "cost_R4_forecast_raw")) {
                String varied = scaled(truth.get(column), factor(0.3));
                row.put(column, varied);
                if (!"true".equals(truth.get("relisted"))) {
                    BigDecimal delta = value(varied).subtract(value(truth.get(column)));
                    change.merge(truth.get("policy_code") + "|" + column, delta, BigDecimal::add);
                }
            }
            projects.add(row);
        }
        put("policy_project_cost", projects);

        List<Map<String, String>> totals = new ArrayList<>();
        Map<String, String> totalColumns = Map.of("R2", "cost_R2_raw", "R3", "cost_R3_raw", "R4_forecast", "cost_R4_forecast_raw");
        for (Map<String, String> truth : truth("policy_cost_total").rows()) {
            Map<String, String> row = recoded(truth, codes);
            for (Map.Entry<String, String> column : totalColumns.entrySet()) {
                BigDecimal delta = change.getOrDefault(truth.get("policy_code") + "|" + column.getValue(), BigDecimal.ZERO);
                row.put(column.getKey(), shifted(truth.get(column.getKey()), delta));
            }
            totals.add(row);
        }
        put("policy_cost_total", totals);

        List<Map<String, String>> narratives = new ArrayList<>();
        for (Map<String, String> truth : truth("policy_narrative").rows()) {
            narratives.add(recoded(truth, codes));
        }
        put("policy_narrative", narratives);
    }

    private static Map<String, String> recoded(Map<String, String> truth, Map<String, String> codes) {
        Map<String, String> row = new LinkedHashMap<>(truth);
        row.put("policy_code", codes.get(truth.get("policy_code")));
        return row;
    }

    /** The policy codes of each owning department of this municipality, in sheet order. */
    Map<String, List<String>> policiesByDepartment() {
        Map<String, List<String>> byDepartment = new LinkedHashMap<>();
        for (Map<String, String> sheet : table("policy_sheet").rows()) {
            byDepartment.computeIfAbsent(sheet.get("department"), d -> new ArrayList<>()).add(sheet.get("policy_code"));
        }
        return byDepartment;
    }

    // ---------------------------------------------------------------- strategy

    /** This municipality's number of the sample's basic goal {@code goal} (1..4). */
    int goalNumber(int goal) {
        return 1 + (municipality * GOALS_PER_MUNICIPALITY + goal - 1) % 99;
    }

    private void varyStrategy() {
        List<String> years = List.of("baseline_value", "actual_R2", "actual_R3", "actual_R4", "actual_R5", "actual_R6", "target_R7");
        for (String name : List.of("strategy_numeric_target", "strategy_kpi")) {
            List<Map<String, String>> truthRows = truth(name).rows();
            List<Map<String, String>> rows = new ArrayList<>();
            for (Map<String, String> truth : truthRows) {
                Map<String, String> row = new LinkedHashMap<>(truth);
                row.put("basic_goal_no", Integer.toString(goalNumber(Integer.parseInt(truth.get("basic_goal_no")))));
                double level = factor(0.3);
                BigDecimal running = null;
                boolean cumulative = "true".equals(truth.get("cumulative"));
                for (String column : years) {
                    String varied = scaled(truth.get(column), level * factor(0.08));
                    if (cumulative && !column.equals("target_R7") && isNumber(varied)) {
                        // a 累計 keeps going up
                        if (running != null && value(varied).compareTo(running) < 0) {
                            varied = truth.get(column).contains(",") ? grouped(running) : running.toPlainString();
                        }
                        running = value(varied);
                    }
                    row.put(column, varied);
                }
                Map<String, String> status = pick(truthRows);
                row.put("status", status.get("status"));
                row.put("status_label", status.get("status_label"));
                rows.add(row);
            }
            put(name, rows);
        }
        List<Map<String, String>> narratives = new ArrayList<>();
        for (Map<String, String> truth : truth("strategy_narrative").rows()) {
            Map<String, String> row = new LinkedHashMap<>(truth);
            row.put("basic_goal_no", Integer.toString(goalNumber(Integer.parseInt(truth.get("basic_goal_no")))));
            narratives.add(row);
        }
        put("strategy_narrative", narratives);
    }

    // ---------------------------------------------------------------- welfare

    private void varyWelfare() {
        Map<String, int[]> slots = welfareSlots(municipality);
        List<Map<String, String>> truthSheets = truth("welfare_sheet").rows();
        Map<String, String> evaluations = new HashMap<>();
        List<Map<String, String>> sheets = new ArrayList<>();
        for (Map<String, String> truth : truthSheets) {
            Map<String, String> row = renumbered(truth, slots);
            for (String kind : List.of("target", "actual")) {
                List<String> years = kind.equals("target") ? List.of("R3", "R4", "R5", "R6", "R7") : List.of("R3", "R4", "R5");
                double level = factor(0.3);
                for (String year : years) {
                    row.put(kind + "_" + year, scaledComposite(truth.get(kind + "_" + year), level * factor(0.08)));
                }
            }
            Map<String, String> evaluation = pick(truthSheets);
            row.put("evaluation", evaluation.get("evaluation"));
            row.put("evaluation_label", evaluation.get("evaluation_label"));
            evaluations.put(row.get("policy_direction_no") + "-" + row.get("project_no"), evaluation.get("evaluation"));
            sheets.add(row);
        }
        put("welfare_sheet", sheets);

        List<Map<String, String>> truthOverview = truth("welfare_overview").rows();
        List<Map<String, String>> overview = new ArrayList<>();
        for (Map<String, String> truth : truthOverview) {
            Map<String, String> row = renumbered(truth, slots);
            Map<String, String> grades = pick(truthOverview);
            for (String year : List.of("R3", "R4")) {
                row.put("grade_" + year, grades.get("grade_" + year));
            }
            // mostly the grade of the project's own sheet; now and then not, as the planning office errs
            String own = evaluations.get(row.get("policy_direction_no") + "-" + row.get("project_no"));
            row.put("grade_R5", own != null && random.nextDouble() < 0.95 ? own : grades.get("grade_R5"));
            overview.add(row);
        }
        put("welfare_overview", overview);
        put("welfare_narrative", truth("welfare_narrative").rows());
    }

    private static Map<String, String> renumbered(Map<String, String> truth, Map<String, int[]> slots) {
        Map<String, String> row = new LinkedHashMap<>(truth);
        int[] slot = slots.get(truth.get("policy_direction_no"));
        row.put("policy_direction_no", Integer.toString(slot[0]));
        row.put("project_no", Integer.toString(slot[1] + Integer.parseInt(truth.get("project_no"))));
        Matcher prefix = DIRECTION_PREFIX.matcher(truth.get("policy_direction"));
        row.put("policy_direction", prefix.find()
                ? "（" + slot[0] + "）" + truth.get("policy_direction").substring(prefix.end())
                : truth.get("policy_direction"));
        return row;
    }

    private static final Map<Integer, Map<String, int[]>> WELFARE_SLOTS = new HashMap<>();

    /**
     * Where municipality {@code m} puts each 施策の方向性 of the sample: (direction number, offset of
     * its projects), packing the municipalities one after the other into directions 1..99 with at
     * most 20 projects (⑳) each; past direction 99 it wraps around.
     */
    static synchronized Map<String, int[]> welfareSlots(int m) {
        if (WELFARE_SLOTS.isEmpty()) {
            WELFARE_SLOTS.put(-1, Map.of("next", new int[] {0, 0}));
        }
        int known = WELFARE_SLOTS.size() - 1;
        if (m < known) {
            return WELFARE_SLOTS.get(m);
        }
        Map<String, Integer> projectsPerDirection = new TreeMap<>((a, b) -> Integer.parseInt(a) - Integer.parseInt(b));
        for (Map<String, String> row : truth("welfare_overview").rows()) {
            projectsPerDirection.merge(row.get("policy_direction_no"), Integer.parseInt(row.get("project_no")), Math::max);
        }
        for (Map<String, String> row : truth("welfare_sheet").rows()) {
            projectsPerDirection.merge(row.get("policy_direction_no"), Integer.parseInt(row.get("project_no")), Math::max);
        }
        int[] next = WELFARE_SLOTS.get(-1).get("next");
        int direction = next[0];
        int cursor = next[1];
        for (int k = known; k <= m; k++) {
            Map<String, int[]> slots = new HashMap<>();
            for (Map.Entry<String, Integer> entry : projectsPerDirection.entrySet()) {
                if (cursor + entry.getValue() > 20) {
                    direction++;
                    cursor = 0;
                }
                slots.put(entry.getKey(), new int[] {1 + direction % 99, cursor});
                cursor += entry.getValue();
            }
            direction++;
            cursor = 0;
            WELFARE_SLOTS.put(k, slots);
        }
        WELFARE_SLOTS.put(-1, Map.of("next", new int[] {direction, cursor}));
        return WELFARE_SLOTS.get(m);
    }

    // ---------------------------------------------------------------- values

    private void put(String name, List<Map<String, String>> rows) {
        tables.put(name, new TruthTable(name, List.copyOf(rows)));
    }

    private Map<String, String> pick(List<Map<String, String>> rows) {
        return rows.get(random.nextInt(rows.size()));
    }

    /** A factor in [1 − spread, 1 + spread]. */
    private double factor(double spread) {
        return 1 - spread + 2 * spread * random.nextDouble();
    }

    /** {@code 啓発 21件 / 研修 7件}: each part scaled; a plain token as {@link #scaled}. */
    private static String scaledComposite(String raw, double factor) {
        if (raw == null || !raw.contains(" / ")) {
            return scaled(raw, factor);
        }
        List<String> parts = new ArrayList<>();
        for (String part : raw.split(" / ")) {
            int space = part.lastIndexOf(' ');
            parts.add(space < 0 ? scaled(part, factor) : part.substring(0, space + 1) + scaled(part.substring(space + 1), factor));
        }
        return String.join(" / ", parts);
    }

    /**
     * A printed number scaled, printed the same way ({@code 10,059}, {@code 99.1}, {@code 58.2%},
     * {@code 80件}: the same decimals, grouping and unit; a percentage at most 100); anything else
     * ({@code -}, {@code ※}, {@code 調査・研究}, {@code 18.1５ ≪83.1５歳≫}) unchanged.
     */
    static String scaled(String raw, double factor) {
        if (raw == null) {
            return null;
        }
        Matcher number = NUMBER.matcher(raw);
        if (!number.matches()) {
            return raw;
        }
        String decimals = number.group(3) == null ? "" : number.group(3);
        String unit = number.group(4) == null ? "" : number.group(4);
        BigDecimal original = new BigDecimal(number.group(1) + number.group(2).replace(",", "") + decimals);
        BigDecimal result = original.multiply(BigDecimal.valueOf(factor))
                .setScale(Math.max(decimals.length() - 1, 0), RoundingMode.HALF_UP);
        if ((unit.equals("%") || unit.equals("％")) && result.compareTo(BigDecimal.valueOf(100)) > 0
                && original.compareTo(BigDecimal.valueOf(100)) <= 0) {
            result = BigDecimal.valueOf(100).setScale(result.scale());
        }
        String digits = number.group(2).contains(",") ? grouped(result) : result.toPlainString();
        return digits + unit;
    }

    private static String shifted(String raw, BigDecimal delta) {
        if (!isNumber(raw) || raw.endsWith("%")) {
            return raw;
        }
        BigDecimal result = value(raw).add(delta).max(BigDecimal.ZERO);
        return raw.contains(",") || result.abs().compareTo(BigDecimal.valueOf(1000)) >= 0 ? grouped(result) : result.toPlainString();
    }

    private static boolean isNumber(String raw) {
        return raw != null && raw.matches("-?(\\d{1,3}(,\\d{3})+|\\d+)(\\.\\d+)?");
    }

    private static BigDecimal value(String raw) {
        return isNumber(raw) ? new BigDecimal(raw.replace(",", "")) : BigDecimal.ZERO;
    }

    private static String grouped(BigDecimal number) {
        DecimalFormat format = new DecimalFormat(number.scale() > 0 ? "#,##0." + "0".repeat(number.scale()) : "#,##0",
                DecimalFormatSymbols.getInstance(Locale.ROOT));
        return format.format(number);
    }
}
