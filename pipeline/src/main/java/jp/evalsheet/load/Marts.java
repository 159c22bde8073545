package jp.evalsheet.load;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The analyst views whose computation is kept in a table: {@code v_x} reads {@code mart_x}, which
 * holds the rows of {@code calc_x} (the view's logic, in {@code sql/views/R__v_x.sql}) as of the last
 * published run. The warehouse changes only when a run is published, so the publishing transaction
 * refreshes them all and every reader sees them agree with the facts, while a query costs only the
 * reading of a table, however many municipalities the warehouse holds.
 */
public final class Marts {

    /** A view file's computation: {@code create or replace view calc_x}. */
    private static final java.util.regex.Pattern CALC = java.util.regex.Pattern.compile(
            "create\\s+or\\s+replace\\s+view\\s+calc_(\\w+)", java.util.regex.Pattern.CASE_INSENSITIVE);

    /**
     * The marts, from the files of {@code sql/views}: {@code x} for each file that creates a view
     * {@code calc_x}; in dependency order (a mart is refreshed after those its computation reads, by
     * their {@code v_}, {@code calc_} or {@code mart_} names), else by name.
     */
    public static final List<String> NAMES = ordered(SqlFiles.read("views"));

    private Marts() {
    }


    /** The marts the view files define, each after the marts its computation reads. */
    static List<String> ordered(java.util.Map<String, String> viewFiles) {
        java.util.Map<String, String> calcs = new java.util.TreeMap<>();
        viewFiles.values().forEach(text -> {
            String sql = SqlFiles.withoutCommentsAndLiterals(text);
            java.util.regex.Matcher calc = CALC.matcher(sql);
            if (calc.find()) {
                calcs.put(calc.group(1).toLowerCase(java.util.Locale.ROOT), sql);
            }
        });
        List<String> ordered = new java.util.ArrayList<>();
        java.util.Set<String> visiting = new java.util.HashSet<>();
        for (String name : calcs.keySet()) {
            visit(name, calcs, visiting, ordered);
        }
        return List.copyOf(ordered);
    }

    private static void visit(String name, java.util.Map<String, String> calcs, java.util.Set<String> visiting,
            List<String> ordered) {
        if (ordered.contains(name)) {
            return;
        }
        if (!visiting.add(name)) {
            throw new IllegalStateException("the marts read each other in a circle through " + name);
        }
        for (String other : calcs.keySet()) {
            if (!other.equals(name) && java.util.regex.Pattern.compile("\\b(v|calc|mart)_" + other + "\\b")
                    .matcher(calcs.get(name)).find()) {
                visit(other, calcs, visiting, ordered);
            }
        }
        visiting.remove(name);
        ordered.add(name);
    }

    /** The statements that refresh every mart from the current tables, in order. */
    public static List<String> refreshStatements() {
        return NAMES.stream()
                .flatMap(name -> java.util.stream.Stream.of("delete from mart_" + name,
                        "insert into mart_" + name + " select * from calc_" + name))
                .toList();
    }

    /** Refreshes every mart, in the caller's transaction. */
    public static void refresh(JdbcTemplate jdbc) {
        refreshStatements().forEach(jdbc::update);
    }
}
