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

    /**
     * The text a number shows in its format. POI's formatter does not know the Japanese name of the
     * General format ({@code G/標準}, as a Japanese Excel or LibreOffice saves it) and drops the literal
     * text around General ({@code General"件"}, {@code "啓発 "General"件"}): both would show {@code 80.0}
     * instead of {@code 80件}. Such a one-section format is rendered here, the number as General shows it
     * inside the format's literal text; every other format is POI's.
     */
    static String formatNumber(DataFormatter formatter, double value, int index, String format, boolean date1904) {
        if (format == null) {
            return formatter.formatRawCellContents(value, index, "General", date1904);
        }
        boolean japanese = format.contains(JAPANESE_GENERAL);
        String general = japanese ? format.replace(JAPANESE_GENERAL, "General") : format;
        if (general.contains("General") && !general.equals("General") && general.indexOf(';') < 0) {
            return literalAround(general, formatter.formatRawCellContents(value, 0, "General", date1904));
        }
        return formatter.formatRawCellContents(value, japanese ? 0 : index, general, date1904);
    }

    /** The Japanese name of the General format. */
    private static final String JAPANESE_GENERAL = "G/標準";

    /** A one-section format with General in it, as shown: quoted and escaped text kept, General replaced. */
    private static String literalAround(String format, String number) {
        StringBuilder shown = new StringBuilder();
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c == '"') {
                int end = format.indexOf('"', i + 1);
                end = end < 0 ? format.length() : end;
                shown.append(format, i + 1, end);
                i = end;
            } else if (c == '\\' && i + 1 < format.length()) {
                shown.append(format.charAt(++i));
            } else if ((c == '_' || c == '*') && i + 1 < format.length()) {
                i++; // a space as wide as the next character, or a fill: nothing in the cell's text
            } else if (format.startsWith("General", i)) {
                shown.append(number);
                i += "General".length() - 1;
            } else if (c == '[') {
                int end = format.indexOf(']', i);
                i = end < 0 ? format.length() : end; // a colour or condition
            } else {
                shown.append(c);
            }
        }
        return shown.toString();
    }

    static String booleanText(boolean value) {
        return value ? "TRUE" : "FALSE";
    }
}
