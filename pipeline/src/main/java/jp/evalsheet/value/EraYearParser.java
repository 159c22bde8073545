package jp.evalsheet.value;

import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and writes Japanese fiscal years (April to March) named by era: {@code R4} or
 * {@code 令和4年度} is fiscal 2022, {@code H31} and {@code R1} are both fiscal 2019, {@code 平成元年} is
 * 1989, {@code S63} is 1988. Plain Gregorian {@code 2022年度} and {@code FY2022} are read as well.
 */
public final class EraYearParser {

    private static final int REIWA_OFFSET = 2018;
    private static final int HEISEI_OFFSET = 1988;
    private static final int SHOWA_OFFSET = 1925;

    /**
     * Any era-year token; the earliest one in the text decides. The lookbehinds keep letters inside
     * words (e.g. the S of {@code PS4}) from being read as an era.
     */
    private static final Pattern ERA_YEAR = Pattern.compile(
            "(?<![A-Za-z])(?<letter>[RHSrhs])(?<letterYear>元|\\d{1,2})(?!\\d)"
                    + "|(?<kanji>令和|平成|昭和)\\s*(?<kanjiYear>元|\\d{1,2})(?!\\d)"
                    + "|(?<![A-Za-z])[Ff][Yy]\\s*(?<fy>\\d{4})(?!\\d)"
                    + "|(?<!\\d)(?<gregorian>\\d{4})\\s*年度");

    private EraYearParser() {
    }

    /**
     * The Gregorian fiscal year named by the first era year in {@code text}, e.g. 2025 for
     * {@code 最終年度目標（R7年度）}; empty when there is none or the first one is not a valid year
     * (such as {@code R0}).
     */
    public static OptionalInt parseFiscalYear(String text) {
        String normalized = JapaneseText.toHalfWidthLetters(JapaneseText.toHalfWidthDigits(text));
        Matcher m = ERA_YEAR.matcher(normalized);
        if (!m.find()) {
            return OptionalInt.empty();
        }
        if (m.group("letter") != null) {
            return fromEra(Character.toUpperCase(m.group("letter").charAt(0)), m.group("letterYear"));
        }
        if (m.group("kanji") != null) {
            char era = switch (m.group("kanji")) {
                case "令和" -> 'R';
                case "平成" -> 'H';
                default -> 'S';
            };
            return fromEra(era, m.group("kanjiYear"));
        }
        String gregorian = m.group("fy") != null ? m.group("fy") : m.group("gregorian");
        return OptionalInt.of(Integer.parseInt(gregorian));
    }

    /**
     * Like {@link #parseFiscalYear(String)}, but a text without an era year is an error.
     *
     * @throws ValueParseException when no fiscal year can be read
     */
    public static int parseFiscalYearOrThrow(String text) {
        OptionalInt year = parseFiscalYear(text);
        if (year.isEmpty()) {
            throw new ValueParseException("expected an era fiscal year such as R4, 令和4年度 or H31, found \""
                    + (text == null ? "" : text) + "\"");
        }
        return year.getAsInt();
    }

    /**
     * The short era label of a fiscal year: {@code R4} for 2022, {@code R1} for 2019 (fiscal 2019 is
     * labelled Reiwa although it began under Heisei), {@code H30} for 2018, {@code S63} for 1988.
     *
     * @throws IllegalArgumentException for years before Showa (1926)
     */
    public static String eraLabel(int fiscalYear) {
        return switch (eraOf(fiscalYear)) {
            case 'R' -> "R" + (fiscalYear - REIWA_OFFSET);
            case 'H' -> "H" + (fiscalYear - HEISEI_OFFSET);
            default -> "S" + (fiscalYear - SHOWA_OFFSET);
        };
    }

    /**
     * The written era label of a fiscal year: {@code 令和4年度} for 2022, {@code 令和元年度} for 2019,
     * {@code 平成30年度} for 2018.
     *
     * @throws IllegalArgumentException for years before Showa (1926)
     */
    public static String warekiLabel(int fiscalYear) {
        char era = eraOf(fiscalYear);
        String name;
        int year;
        switch (era) {
            case 'R' -> {
                name = "令和";
                year = fiscalYear - REIWA_OFFSET;
            }
            case 'H' -> {
                name = "平成";
                year = fiscalYear - HEISEI_OFFSET;
            }
            default -> {
                name = "昭和";
                year = fiscalYear - SHOWA_OFFSET;
            }
        }
        return name + (year == 1 ? "元" : Integer.toString(year)) + "年度";
    }

    private static char eraOf(int fiscalYear) {
        if (fiscalYear >= REIWA_OFFSET + 1) {
            return 'R';
        }
        if (fiscalYear >= HEISEI_OFFSET + 1) {
            return 'H';
        }
        if (fiscalYear >= SHOWA_OFFSET + 1) {
            return 'S';
        }
        throw new IllegalArgumentException("fiscal year " + fiscalYear + " is before the Showa era");
    }

    private static OptionalInt fromEra(char era, String yearText) {
        int year = "元".equals(yearText) ? 1 : Integer.parseInt(yearText);
        if (year < 1) {
            return OptionalInt.empty();
        }
        // Heisei years past 31 are kept: plans written before 2019 print 2020 as H32.
        int offset = switch (era) {
            case 'R' -> REIWA_OFFSET;
            case 'H' -> HEISEI_OFFSET;
            default -> SHOWA_OFFSET;
        };
        return OptionalInt.of(offset + year);
    }
}
