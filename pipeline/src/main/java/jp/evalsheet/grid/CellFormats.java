package jp.evalsheet.grid;

import java.util.Locale;

import org.apache.poi.ss.usermodel.DataFormatter;

/** The number formatting every reader shares, so a cell shows the same text whatever the file format. */
final class CellFormats {

    /**
     * The locale numbers are formatted in: Japanese, as the sheets are written in Japan. It renders
     * {@code #,##0} as {@code 40,923} and {@code 0.0%} as {@code 7.2%} whatever the JVM's default locale.
     */
    static final Locale LOCALE = Locale.JAPAN;

    private CellFormats() {
    }

    /** A new formatter (they are not thread-safe) pinned to {@link #LOCALE}. */
    static DataFormatter newDataFormatter() {
        return new DataFormatter(LOCALE);
    }

    static String booleanText(boolean value) {
        return value ? "TRUE" : "FALSE";
    }
}
