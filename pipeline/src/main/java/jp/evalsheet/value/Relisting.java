package jp.evalsheet.value;

import java.util.regex.Pattern;

/**
 * Recognises the {@code 【再掲】} mark (also {@code [再掲]}, {@code （再掲）}, {@code (再掲)}) that a sheet
 * prints before a project already listed under another policy.
 */
public final class Relisting {

    private static final Pattern MARK = Pattern.compile("[【\\[［（(〔]\\s*再掲\\s*[】\\]］）)〕]");

    private Relisting() {
    }

    /** Whether the project name as printed carries a relisting mark; {@code false} for {@code null}. */
    public static boolean isRelisted(String projectNameAsPrinted) {
        return projectNameAsPrinted != null && MARK.matcher(projectNameAsPrinted).find();
    }

    /** The project name without any relisting mark, trimmed (full-width spaces included); {@code ""} for {@code null}. */
    public static String stripRelistedMark(String projectNameAsPrinted) {
        if (projectNameAsPrinted == null) {
            return "";
        }
        return JapaneseText.trim(MARK.matcher(projectNameAsPrinted).replaceAll(""));
    }
}
