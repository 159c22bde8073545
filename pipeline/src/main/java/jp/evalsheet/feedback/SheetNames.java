package jp.evalsheet.feedback;

import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Excel's rules for sheet names: at most 31 characters, none of {@code [ ] : * ? / \}, not starting
 * or ending with an apostrophe, not {@code History}, and unique in the workbook ignoring case.
 */
final class SheetNames {

    static final int MAX_LENGTH = 31;

    private static final String ILLEGAL = "[]:*?/\\";

    private SheetNames() {
    }

    /** A legal sheet name as close to {@code name} as possible: illegal characters become {@code _}. */
    static String safe(String name) {
        if (name == null || name.isBlank()) {
            return "Sheet";
        }
        StringBuilder safe = new StringBuilder(name.length());
        name.strip().codePoints().forEach(c -> {
            if (ILLEGAL.indexOf(c) >= 0 || Character.isISOControl(c)) {
                safe.append('_');
            } else {
                safe.appendCodePoint(c);
            }
        });
        String truncated = truncate(safe.toString(), MAX_LENGTH);
        if (truncated.startsWith("'")) {
            truncated = "_" + truncated.substring(1);
        }
        if (truncated.endsWith("'")) {
            truncated = truncated.substring(0, truncated.length() - 1) + "_";
        }
        return truncated.equalsIgnoreCase("History") ? truncated + "_" : truncated;
    }

    /** {@link #safe(String)}, then {@code " (2)"}, {@code " (3)"}... until no name in {@code taken} has it, ignoring case. */
    static String unique(String name, Collection<String> taken) {
        Set<String> lowerTaken = taken.stream().map(SheetNames::key).collect(Collectors.toSet());
        String base = safe(name);
        if (!lowerTaken.contains(key(base))) {
            return base;
        }
        for (int n = 2; ; n++) {
            String suffix = " (" + n + ")";
            String candidate = truncate(base, MAX_LENGTH - suffix.length()) + suffix;
            if (!lowerTaken.contains(key(candidate))) {
                return candidate;
            }
        }
    }

    /** The name quoted for a reference such as {@code '施策611'!C12}: in apostrophes, an apostrophe doubled. */
    static String quoted(String sheetName) {
        return "'" + sheetName.replace("'", "''") + "'";
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    /** The first {@code max} UTF-16 chars, never splitting a surrogate pair. */
    static String truncate(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = max;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end);
    }
}
