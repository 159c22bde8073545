package jp.evalsheet.grid;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites the formula of a shared-formula master cell for another cell of its range, as Excel
 * does when it fills a formula down or across: relative references move, {@code $}-anchored parts
 * stay. Only the formula text is rewritten; it is never parsed into tokens of POI's formula model.
 */
final class SharedFormulas {

    private static final Pattern CELL = Pattern.compile("(\\$?)([A-Za-z]{1,3})(\\$?)([0-9]{1,7})");
    private static final Pattern COLUMN = Pattern.compile("(\\$?)([A-Za-z]{1,3})");
    private static final Pattern ROW = Pattern.compile("(\\$?)([0-9]{1,7})");

    static final int MAX_ROWS = 1_048_576;
    static final int MAX_COLUMNS = 16_384;

    private SharedFormulas() {
    }

    /**
     * The formula {@code formula} (without {@code =}) of the master cell as it reads in a cell
     * {@code rowOffset} rows below and {@code columnOffset} columns right of the master.
     */
    static String shift(String formula, int rowOffset, int columnOffset) {
        if (rowOffset == 0 && columnOffset == 0) {
            return formula;
        }
        List<Token> tokens = tokenize(formula);
        StringBuilder out = new StringBuilder(formula.length() + 8);
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (!token.word) {
                out.append(token.text);
                continue;
            }
            char before = i > 0 ? lastChar(tokens.get(i - 1)) : 0;
            char after = i + 1 < tokens.size() ? tokens.get(i + 1).text.charAt(0) : 0;
            if (after == '(' || after == '!') {
                out.append(token.text);
                continue;
            }
            out.append(shiftWord(tokens, i, before, after, rowOffset, columnOffset));
        }
        return out.toString();
    }

    private static String shiftWord(List<Token> tokens, int i, char before, char after, int rowOffset,
            int columnOffset) {
        String word = tokens.get(i).text;
        Matcher cell = CELL.matcher(word);
        if (cell.matches()) {
            int column = columnIndex(cell.group(2));
            int row = Integer.parseInt(cell.group(4)) - 1;
            if (column < MAX_COLUMNS && row < MAX_ROWS) {
                int newColumn = cell.group(1).isEmpty() ? column + columnOffset : column;
                int newRow = cell.group(3).isEmpty() ? row + rowOffset : row;
                if (!inside(newColumn, MAX_COLUMNS) || !inside(newRow, MAX_ROWS)) {
                    return "#REF!";
                }
                return cell.group(1) + CellAddresses.columnLetters(newColumn) + cell.group(3) + (newRow + 1);
            }
            return word;
        }
        boolean inRange = after == ':' && i + 2 < tokens.size() || before == ':' && i >= 2;
        if (!inRange) {
            return word;
        }
        String partner = after == ':' ? tokens.get(i + 2).text : tokens.get(i - 2).text;
        Matcher column = COLUMN.matcher(word);
        if (column.matches() && COLUMN.matcher(partner).matches()) {
            int index = columnIndex(column.group(2));
            if (index >= MAX_COLUMNS || !column.group(1).isEmpty()) {
                return word;
            }
            int shifted = index + columnOffset;
            return inside(shifted, MAX_COLUMNS) ? CellAddresses.columnLetters(shifted) : "#REF!";
        }
        Matcher row = ROW.matcher(word);
        if (row.matches() && ROW.matcher(partner).matches()) {
            if (!row.group(1).isEmpty()) {
                return word;
            }
            int shifted = Integer.parseInt(row.group(2)) - 1 + rowOffset;
            return inside(shifted, MAX_ROWS) ? Integer.toString(shifted + 1) : "#REF!";
        }
        return word;
    }

    private static boolean inside(int index, int size) {
        return index >= 0 && index < size;
    }

    private static int columnIndex(String letters) {
        int index = 0;
        for (int i = 0; i < letters.length(); i++) {
            index = index * 26 + (Character.toUpperCase(letters.charAt(i)) - 'A' + 1);
        }
        return index - 1;
    }

    private static char lastChar(Token token) {
        return token.text.charAt(token.text.length() - 1);
    }

    /** Splits a formula into words (names, references, numbers) and everything else, copied verbatim. */
    private static List<Token> tokenize(String formula) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int n = formula.length();
        while (i < n) {
            char c = formula.charAt(i);
            if (c == '"' || c == '\'') {
                int end = endOfQuoted(formula, i, c);
                tokens.add(new Token(formula.substring(i, end), false));
                i = end;
            } else if (c == '[') {
                int end = endOfBracket(formula, i);
                tokens.add(new Token(formula.substring(i, end), false));
                i = end;
            } else if (isWordChar(c)) {
                int end = i;
                while (end < n && isWordChar(formula.charAt(end))) {
                    end++;
                }
                tokens.add(new Token(formula.substring(i, end), true));
                i = end;
            } else {
                tokens.add(new Token(String.valueOf(c), false));
                i++;
            }
        }
        return tokens;
    }

    private static int endOfQuoted(String formula, int start, char quote) {
        int i = start + 1;
        while (i < formula.length()) {
            if (formula.charAt(i) == quote) {
                if (i + 1 < formula.length() && formula.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return formula.length();
    }

    private static int endOfBracket(String formula, int start) {
        int depth = 0;
        for (int i = start; i < formula.length(); i++) {
            char c = formula.charAt(i);
            if (c == '[') {
                depth++;
            } else if (c == ']') {
                depth--;
                if (depth == 0) {
                    return i + 1;
                }
            }
        }
        return formula.length();
    }

    private static boolean isWordChar(char c) {
        return c == '$' || c == '_' || c == '.' || c == '\\' || Character.isLetterOrDigit(c);
    }

    private record Token(String text, boolean word) {
    }
}
