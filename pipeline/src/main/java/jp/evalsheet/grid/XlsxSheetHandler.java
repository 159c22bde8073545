package jp.evalsheet.grid;

import java.util.HashMap;
import java.util.Map;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.util.CellRangeAddress;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * SAX handler for one worksheet part ({@code xl/worksheets/sheetN.xml}). It turns every
 * {@code <c>} into a {@link GridCell} — shared, inline and formula strings, booleans, errors and
 * numbers formatted with the cell's number format — and every {@code <mergeCell>} into a
 * {@link CellRange}, which POI's own {@code XSSFSheetXMLHandler} leaves out. Formula text comes from
 * {@code <f>}, shared formulas are rewritten for each cell of their range, and the cached result
 * comes from {@code <v>}.
 */
final class XlsxSheetHandler extends DefaultHandler {

    /**
     * Thrown from inside the parse when a sheet goes beyond a limit: more cells than allowed, or a cell
     * holding a value, a formula or an inline string below the row limit.
     */
    static final class BeyondLimitException extends SAXException {
        private static final long serialVersionUID = 1L;

        BeyondLimitException(String message) {
            super(message);
        }
    }

    private record SharedFormula(String formula, int row, int column) {
    }

    private final SheetGrid.Builder grid;
    private final String sheetName;
    private final XlsxSharedStrings strings;
    private final XlsxStyles styles;
    /** This sheet's formatter, made for the first number (a formatter caches formats as it meets values). */
    private DataFormatter formatter;
    private final boolean date1904;
    private final int maxCells;
    /**
     * Rows from this one on may hold no value: evaluation sheets have a few hundred rows, and rows that
     * are only formatted (a style down to row 1,048,576) hold no value and pass.
     */
    private final int maxRows;

    private final Map<Integer, XlsxStyles.NumberFormat> formats = new HashMap<>();
    private final Map<String, SharedFormula> sharedFormulas = new HashMap<>();

    private int cellCount;
    private int row = -1;
    private int column = -1;

    // the <c> being read
    private String type;
    private String styleIndex;
    private final StringBuilder value = new StringBuilder();
    private boolean hasValue;
    private final StringBuilder formula = new StringBuilder();
    private boolean hasFormula;
    private String sharedIndex;
    private boolean sharedMaster;
    private final StringBuilder inline = new StringBuilder();
    private boolean hasInline;

    // where the characters go
    private boolean inValue;
    private boolean inFormula;
    private boolean inInlineString;
    private boolean inInlineText;
    private int phoneticDepth;

    XlsxSheetHandler(SheetGrid.Builder grid, String sheetName, XlsxSharedStrings strings, XlsxStyles styles,
            boolean date1904, int maxCells, int maxRows) {
        this.grid = grid;
        this.sheetName = sheetName;
        this.strings = strings;
        this.styles = styles;
        this.date1904 = date1904;
        this.maxCells = maxCells;
        this.maxRows = maxRows;
    }

    static String localName(String localName, String qName) {
        if (localName != null && !localName.isEmpty()) {
            return localName;
        }
        int colon = qName.indexOf(':');
        return colon < 0 ? qName : qName.substring(colon + 1);
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes) throws SAXException {
        switch (localName(localName, qName)) {
            case "row" -> startRow(attributes);
            case "c" -> startCell(attributes);
            case "v" -> {
                checkRowLimit();
                inValue = true;
                hasValue = true;
            }
            case "f" -> {
                checkRowLimit();
                startFormula(attributes);
            }
            case "is" -> {
                checkRowLimit();
                inInlineString = true;
                hasInline = true;
            }
            case "rPh" -> phoneticDepth++;
            case "t" -> inInlineText = inInlineString && phoneticDepth == 0;
            case "mergeCell" -> merge(attributes.getValue("ref"));
            default -> {
                // other parts of the sheet (views, columns, drawings) do not hold cell content
            }
        }
    }

    @Override
    public void endElement(String uri, String localName, String qName) throws SAXException {
        switch (localName(localName, qName)) {
            case "v" -> inValue = false;
            case "f" -> endFormula();
            case "is" -> inInlineString = false;
            case "rPh" -> phoneticDepth--;
            case "t" -> inInlineText = false;
            case "c" -> endCell();
            default -> {
                // nothing to finish
            }
        }
    }

    @Override
    public void characters(char[] ch, int start, int length) {
        if (inValue) {
            value.append(ch, start, length);
        } else if (inFormula) {
            formula.append(ch, start, length);
        } else if (inInlineText) {
            inline.append(ch, start, length);
        }
    }

    private void startRow(Attributes attributes) {
        String r = attributes.getValue("r");
        row = r == null ? row + 1 : Integer.parseInt(r) - 1;
        column = -1;
    }

    private void startCell(Attributes attributes) throws SAXException {
        String ref = attributes.getValue("r");
        if (ref == null) {
            column++;
        } else {
            parseReference(ref);
        }
        type = attributes.getValue("t");
        styleIndex = attributes.getValue("s");
        value.setLength(0);
        hasValue = false;
        formula.setLength(0);
        hasFormula = false;
        sharedIndex = null;
        sharedMaster = false;
        inline.setLength(0);
        hasInline = false;
        phoneticDepth = 0;
    }

    /** Stops the parse at the first value below the row limit, before it is kept. */
    private void checkRowLimit() throws BeyondLimitException {
        if (row >= maxRows) {
            throw new BeyondLimitException(ReadMessages.tooManyRows(sheetName, maxRows));
        }
    }

    private void parseReference(String ref) throws SAXException {
        int i = 0;
        int letters = 0;
        while (i < ref.length() && Character.isLetter(ref.charAt(i))) {
            letters = letters * 26 + (Character.toUpperCase(ref.charAt(i)) - 'A' + 1);
            i++;
        }
        if (i == 0 || i == ref.length()) {
            throw new SAXException("cell reference '" + ref + "' is not an A1 address");
        }
        column = letters - 1;
        try {
            row = Integer.parseInt(ref, i, ref.length(), 10) - 1; // without a copy of the digits: once per cell
        } catch (NumberFormatException e) {
            throw new SAXException("cell reference '" + ref + "' is not an A1 address", e);
        }
    }

    private void startFormula(Attributes attributes) {
        inFormula = true;
        hasFormula = true;
        if ("shared".equals(attributes.getValue("t"))) {
            sharedIndex = attributes.getValue("si");
            sharedMaster = attributes.getValue("ref") != null;
        }
    }

    private void endFormula() {
        inFormula = false;
        if (sharedIndex == null) {
            return;
        }
        if (sharedMaster && formula.length() > 0) {
            sharedFormulas.put(sharedIndex, new SharedFormula(formula.toString(), row, column));
        } else if (formula.length() == 0) {
            SharedFormula master = sharedFormulas.get(sharedIndex);
            if (master != null) {
                formula.append(SharedFormulas.shift(master.formula(), row - master.row(), column - master.column()));
            }
        }
    }

    private void endCell() throws SAXException {
        String text;
        Double number = null;
        String cached = value.toString();
        if (type == null || "n".equals(type)) {
            if (hasValue && !cached.isBlank()) {
                number = parseNumber(cached);
                XlsxStyles.NumberFormat format = numberFormat();
                if (formatter == null) {
                    formatter = CellFormats.newDataFormatter();
                }
                text = CellFormats.formatNumber(formatter, number, format.index(), format.format(), date1904);
            } else {
                text = "";
            }
        } else {
            text = switch (type) {
                case "s" -> sharedString(cached);
                case "inlineStr" -> hasInline ? inline.toString() : cached;
                case "b" -> cached.isEmpty() ? "" : CellFormats.booleanText("1".equals(cached.strip())
                        || "true".equalsIgnoreCase(cached.strip()));
                default -> cached; // "str" (formula string result), "e" (error such as #DIV/0!), "d" (ISO date)
            };
        }
        String formulaText = hasFormula ? formula.toString() : null;
        if (text.isEmpty() && formulaText == null) {
            return;
        }
        if (++cellCount > maxCells) {
            throw new BeyondLimitException(ReadMessages.tooManyCells(sheetName, maxCells));
        }
        grid.cell(new GridCell(row, column, text, number, formulaText));
    }

    private Double parseNumber(String cached) throws SAXException {
        try {
            return Double.valueOf(cached.strip());
        } catch (NumberFormatException e) {
            throw new SAXException("cell " + CellAddresses.a1(row, column) + " holds '" + cached
                    + "', which is not a number", e);
        }
    }

    private String sharedString(String cached) throws SAXException {
        if (cached.isBlank()) {
            return "";
        }
        try {
            return strings.get(Integer.parseInt(cached.strip()));
        } catch (RuntimeException e) {
            throw new SAXException("cell " + CellAddresses.a1(row, column) + " refers to shared string '"
                    + cached + "', which the workbook does not hold", e);
        }
    }

    private XlsxStyles.NumberFormat numberFormat() {
        int index = 0;
        if (styleIndex != null && !styleIndex.isBlank()) {
            try {
                index = Integer.parseInt(styleIndex.strip());
            } catch (NumberFormatException e) {
                index = 0;
            }
        }
        return formats.computeIfAbsent(index, this::lookUpFormat);
    }

    private XlsxStyles.NumberFormat lookUpFormat(int style) {
        return styles == null ? XlsxStyles.GENERAL : styles.numberFormat(style);
    }

    private void merge(String ref) throws SAXException {
        if (ref == null || ref.isBlank()) {
            return;
        }
        String range = ref.strip();
        CellRange plain = plainRange(range);
        if (plain != null) {
            grid.merge(plain);
            return;
        }
        try {
            CellRangeAddress address = CellRangeAddress.valueOf(range);
            grid.merge(new CellRange(address.getFirstRow(), address.getLastRow(), address.getFirstColumn(),
                    address.getLastColumn()));
        } catch (RuntimeException e) {
            throw new SAXException("merged range '" + ref + "' is not an A1 range", e);
        }
    }

    /**
     * A range written as Excel writes merges, {@code B3:D3} (upper-case letters, no {@code $}, first
     * cell above and left of the last), read without POI's regular expressions; {@code null} for any
     * other form, which {@link CellRangeAddress#valueOf} reads.
     */
    static CellRange plainRange(String ref) {
        int colon = ref.indexOf(':');
        if (colon < 0) {
            return null;
        }
        long first = plainCell(ref, 0, colon);
        long last = plainCell(ref, colon + 1, ref.length());
        if (first < 0 || last < 0) {
            return null;
        }
        int firstRow = (int) (first >>> 32);
        int firstColumn = (int) first;
        int lastRow = (int) (last >>> 32);
        int lastColumn = (int) last;
        if (lastRow < firstRow || lastColumn < firstColumn) {
            return null;
        }
        return new CellRange(firstRow, lastRow, firstColumn, lastColumn);
    }

    /** A cell such as {@code AB12} between {@code from} and {@code to}: its zero-based row and column packed in a long, or -1. */
    private static long plainCell(String ref, int from, int to) {
        int i = from;
        int column = 0;
        while (i < to && i - from < 3 && ref.charAt(i) >= 'A' && ref.charAt(i) <= 'Z') {
            column = column * 26 + (ref.charAt(i) - 'A' + 1);
            i++;
        }
        int digits = to - i;
        if (i == from || digits < 1 || digits > 7 || ref.charAt(i) == '0') {
            return -1;
        }
        int row = 0;
        for (; i < to; i++) {
            char c = ref.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            row = row * 10 + (c - '0');
        }
        return ((long) (row - 1) << 32) | (column - 1);
    }
}
