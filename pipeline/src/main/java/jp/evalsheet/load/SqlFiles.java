package jp.evalsheet.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.SortedMap;
import java.util.TreeMap;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The warehouse's SQL as files: {@code sql/<folder>/*.sql}, packaged on the class path from the
 * project's {@code sql/} folder (migrations, views, models, tests, queries), read by name.
 */
public final class SqlFiles {

    private SqlFiles() {
    }

    /** The files of {@code sql/<folder>}, file name to text, in name order; empty when there are none. */
    public static SortedMap<String, String> read(String folder) {
        try {
            SortedMap<String, String> files = new TreeMap<>();
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:sql/" + folder + "/*.sql")) {
                files.put(resource.getFilename(), resource.getContentAsString(StandardCharsets.UTF_8));
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text of {@code sql/<folder>/<name>}. */
    public static String read(String folder, String name) {
        String text = read(folder).get(name);
        if (text == null) {
            throw new IllegalStateException("no sql/" + folder + "/" + name + " on the class path");
        }
        return text;
    }

    /**
     * The statement of {@code sql/queries/<name>.sql}: a query or update the Java code runs with its
     * parameters ({@code ?} in order, or {@code $n} where one is used twice), its header comment naming them.
     */
    public static String query(String name) {
        String text = Queries.FILES.get(name + ".sql");
        if (text == null) {
            throw new IllegalStateException("no sql/queries/" + name + ".sql on the class path");
        }
        return text;
    }

    /** The files of {@code sql/queries}, read once. */
    private static final class Queries {
        static final SortedMap<String, String> FILES = read("queries");
    }

    /** {@code sql} without its comments ({@code -- …}) and string literals, for reading the names it uses. */
    static String withoutCommentsAndLiterals(String sql) {
        StringBuilder kept = new StringBuilder(sql.length());
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '-' && i + 1 < sql.length() && sql.charAt(i + 1) == '-') {
                while (i < sql.length() && sql.charAt(i) != '\n') {
                    i++; // a comment, to the end of its line (an apostrophe in it opens no string)
                }
            } else if (c == '\'') {
                kept.append("''");
                for (i++; i < sql.length(); i++) {
                    if (sql.charAt(i) == '\'') {
                        if (i + 1 < sql.length() && sql.charAt(i + 1) == '\'') {
                            i++; // '' inside a string
                        } else {
                            break;
                        }
                    }
                }
                i++;
            } else {
                kept.append(c);
                i++;
            }
        }
        return kept.toString();
    }
}
