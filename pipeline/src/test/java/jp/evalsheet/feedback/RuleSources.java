package jp.evalsheet.feedback;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The rule codes the job's own sources emit, read from the sources ({@code pipeline/src/main/java}
 * and {@code sql/}, relative to the project folder the tests run in): in Java, the snake_case literals
 * among the arguments of {@code Finding.error / rowError / warning} and of the readers' helpers that
 * pass a rule on ({@code error}, {@code rowError}, {@code warning}, {@code numbered},
 * {@code new CostProblem}), and of {@code String rule = …}; in SQL (the views, and the statements in
 * Java that insert into {@code etl_messages}), the literal after a severity ({@code 'warning', 'rule'})
 * and those of an expression {@code … as rule}.
 */
final class RuleSources {

    static final Path JAVA = Path.of("pipeline/src/main/java");
    static final Path SQL = Path.of("sql");

    private static final Pattern RULE_LITERAL = Pattern.compile("\"([a-z]+(?:_[a-z0-9]+)+)\"");
    private static final Pattern SQL_RULE_LITERAL = Pattern.compile("'([a-z]+(?:_[a-z0-9]+)+)'");
    /** A call that takes a rule, up to its first semicolon (a rule comes before the message, which may hold one). */
    private static final Pattern FINDING_CALL =
            Pattern.compile("\\b(?:error|rowError|warning|numbered|CostProblem)\\(([^;]*?);", Pattern.DOTALL);
    private static final Pattern RULE_VARIABLE = Pattern.compile("\\bString rule = ([^;]*);");
    private static final Pattern AFTER_SEVERITY = Pattern.compile("'(?:error|warning|info)',\\s*'([a-z]+(?:_[a-z0-9]+)+)'");
    private static final Pattern AS_RULE = Pattern.compile(
            "(?:\\bcase\\b(?:(?!\\bcase\\b).)*?\\bend|'[a-z_0-9]+')\\s+as\\s+rule\\b", Pattern.DOTALL);

    private RuleSources() {
    }

    /** Every rule code the sources emit, sorted. */
    static Set<String> emittedRules() {
        Set<String> rules = new TreeSet<>();
        for (Path file : files(JAVA, ".java")) {
            String source = read(file);
            collect(FINDING_CALL, 1, RULE_LITERAL, source, rules);
            collect(RULE_VARIABLE, 1, RULE_LITERAL, source, rules);
            collectSql(source, rules);
        }
        for (Path file : files(SQL, ".sql")) {
            collectSql(read(file), rules);
        }
        return rules;
    }

    /**
     * The rules among {@code rules} that no source names as a literal any more ({@code "rule"} in Java,
     * {@code 'rule'} in SQL): a rule that was renamed or removed.
     */
    static Set<String> unnamed(Set<String> rules) {
        StringBuilder java = new StringBuilder();
        files(JAVA, ".java").forEach(file -> java.append(read(file)).append('\n'));
        StringBuilder sql = new StringBuilder();
        files(SQL, ".sql").forEach(file -> sql.append(read(file)).append('\n'));
        Set<String> unnamed = new TreeSet<>();
        for (String rule : rules) {
            boolean named = java.indexOf("\"" + rule + "\"") >= 0 || java.indexOf("'" + rule + "'") >= 0
                    || sql.indexOf("'" + rule + "'") >= 0;
            if (!named) {
                unnamed.add(rule);
            }
        }
        return unnamed;
    }

    private static void collectSql(String source, Set<String> rules) {
        Matcher afterSeverity = AFTER_SEVERITY.matcher(source);
        while (afterSeverity.find()) {
            rules.add(afterSeverity.group(1));
        }
        collect(AS_RULE, 0, SQL_RULE_LITERAL, source, rules);
    }

    private static void collect(Pattern around, int group, Pattern literal, String source, Set<String> rules) {
        Matcher matcher = around.matcher(source);
        while (matcher.find()) {
            Matcher literals = literal.matcher(matcher.group(group));
            while (literals.find()) {
                rules.add(literals.group(1));
            }
        }
    }

    private static List<Path> files(Path folder, String extension) {
        if (!Files.isDirectory(folder)) {
            throw new IllegalStateException("the sources are not in " + folder.toAbsolutePath()
                    + ": the tests run in the project folder");
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            return new ArrayList<>(paths.filter(path -> path.toString().endsWith(extension)).sorted().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
