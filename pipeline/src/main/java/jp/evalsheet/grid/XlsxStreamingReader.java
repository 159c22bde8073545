package jp.evalsheet.grid;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.function.Consumer;

import javax.xml.parsers.ParserConfigurationException;

import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackageRelationshipCollection;
import org.apache.poi.openxml4j.opc.PackageRelationshipTypes;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.model.StylesTable;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads .xlsx/.xlsm workbooks sheet by sheet with POI's event API ({@link XSSFReader}) and a SAX
 * handler of its own, never building an {@code XSSFWorkbook}, so only one sheet's cells are in memory.
 *
 * <p>Each cell's text is what Excel shows: the number formatted with the cell's number format by a
 * {@link DataFormatter} pinned to {@link CellFormats#LOCALE}, the cached result of a formula (empty
 * when the file was never recalculated), TRUE/FALSE, or the error value. Phonetic guides (furigana)
 * are left out of strings. Merged regions and the hidden state of each sheet are kept.
 *
 * <p>POI's {@code ZipSecureFile} limits guard against zip bombs; a sheet with more non-empty cells
 * than {@link #maxCellsPerSheet()}, or with a non-empty cell below row {@link #maxRowsPerSheet()}, is
 * refused as soon as the parse reaches it, so a sheet of a million rows is never held in memory.
 */
public final class XlsxStreamingReader implements WorkbookReader {

    /** The default limit of non-empty cells in one sheet. */
    public static final int DEFAULT_MAX_CELLS_PER_SHEET = 2_000_000;

    /**
     * The default number of rows a sheet may use: a non-empty cell at a zero-based row index of this
     * value or more (below row 100,000 as Excel numbers them) rejects the file. Evaluation sheets have a
     * few hundred rows.
     */
    public static final int DEFAULT_MAX_ROWS_PER_SHEET = 100_000;

    private final int maxCellsPerSheet;
    private final int maxRowsPerSheet;

    public XlsxStreamingReader() {
        this(DEFAULT_MAX_CELLS_PER_SHEET, DEFAULT_MAX_ROWS_PER_SHEET);
    }

    /** A reader that refuses sheets holding more than {@code maxCellsPerSheet} non-empty cells. */
    public XlsxStreamingReader(int maxCellsPerSheet) {
        this(maxCellsPerSheet, DEFAULT_MAX_ROWS_PER_SHEET);
    }

    /**
     * A reader that refuses sheets holding more than {@code maxCellsPerSheet} non-empty cells or a
     * non-empty cell in a row numbered above {@code maxRowsPerSheet} (rows counted from 1, as Excel does).
     */
    public XlsxStreamingReader(int maxCellsPerSheet, int maxRowsPerSheet) {
        this.maxCellsPerSheet = positive("maxCellsPerSheet", maxCellsPerSheet);
        this.maxRowsPerSheet = positive("maxRowsPerSheet", maxRowsPerSheet);
    }

    public int maxCellsPerSheet() {
        return maxCellsPerSheet;
    }

    public int maxRowsPerSheet() {
        return maxRowsPerSheet;
    }

    /** {@code value}, when it is positive. */
    static int positive(String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
        return value;
    }

    @Override
    public void read(Path file, Consumer<SheetGrid> sheets) throws WorkbookReadException {
        switch (FileSniffer.sniff(file)) {
            case EMPTY -> throw new WorkbookReadException(ReadMessages.EMPTY, file, null);
            case OLE2 -> throw new WorkbookReadException(FileSniffer.isEncryptedOoxml(file)
                    ? ReadMessages.PASSWORD_PROTECTED : ReadMessages.NOT_XLSX, file, null);
            case OTHER -> throw new WorkbookReadException(ReadMessages.NOT_XLSX, file, null);
            case ZIP -> {
                // read below
            }
        }
        OPCPackage pkg = open(file);
        try {
            readPackage(file, pkg, sheets);
        } finally {
            pkg.revert();
        }
    }

    private static OPCPackage open(Path file) throws WorkbookReadException {
        try {
            return OPCPackage.open(file.toFile(), PackageAccess.READ);
        } catch (OpenXML4JException | RuntimeException e) {
            throw failure(file, null, e);
        }
    }

    private void readPackage(Path file, OPCPackage pkg, Consumer<SheetGrid> sheets) throws WorkbookReadException {
        XSSFReader.SheetIterator iterator;
        SharedStrings strings;
        StylesTable styles;
        XlsxWorkbookHandler workbook = new XlsxWorkbookHandler();
        try {
            requireSpreadsheet(file, pkg);
            XSSFReader reader = new XSSFReader(pkg);
            strings = new ReadOnlySharedStringsTable(pkg, false);
            styles = stylesOf(reader);
            try (InputStream in = reader.getWorkbookData()) {
                parse(in, workbook);
            }
            iterator = reader.getSheetIterator();
        } catch (IOException | OpenXML4JException | SAXException | ParserConfigurationException
                | RuntimeException e) {
            throw failure(file, null, e);
        }
        while (true) {
            SheetGrid grid;
            String sheetName = null;
            try {
                if (!iterator.hasNext()) {
                    break;
                }
                try (InputStream in = iterator.next()) {
                    sheetName = iterator.getSheetName();
                    SheetGrid.Builder builder = SheetGrid.builder(sheetName).hidden(workbook.isHidden(sheetName));
                    DataFormatter formatter = CellFormats.newDataFormatter();
                    parse(in, new RowLimit(new XlsxSheetHandler(builder, sheetName, strings, styles, formatter,
                            workbook.isDate1904(), maxCellsPerSheet), sheetName, maxRowsPerSheet));
                    grid = builder.build();
                }
            } catch (IOException | SAXException | ParserConfigurationException | RuntimeException e) {
                throw failure(file, sheetName, e);
            }
            sheets.accept(grid);
        }
    }

    private static void requireSpreadsheet(Path file, OPCPackage pkg) throws WorkbookReadException, OpenXML4JException {
        PackageRelationshipCollection documents = pkg.getRelationshipsByType(PackageRelationshipTypes.CORE_DOCUMENT);
        if (documents.isEmpty()) {
            documents = pkg.getRelationshipsByType(PackageRelationshipTypes.STRICT_CORE_DOCUMENT);
        }
        if (documents.isEmpty()) {
            throw new WorkbookReadException(ReadMessages.NOT_XLSX, file, null);
        }
        PackagePart part = pkg.getPart(documents.getRelationship(0));
        String contentType = part == null ? "" : part.getContentType();
        if (contentType.contains("sheet.binary")) {
            throw new WorkbookReadException(ReadMessages.XLSB, file, null);
        }
        if (!contentType.contains("spreadsheetml") && !contentType.startsWith("application/vnd.ms-excel")) {
            throw new WorkbookReadException(ReadMessages.NOT_XLSX, file, null);
        }
    }

    private static StylesTable stylesOf(XSSFReader reader) throws IOException {
        try {
            return reader.getStylesTable();
        } catch (InvalidFormatException e) {
            return null;
        }
    }

    private static void parse(InputStream in, DefaultHandler handler)
            throws IOException, SAXException, ParserConfigurationException {
        XMLReader reader = XMLHelper.newXMLReader();
        reader.setContentHandler(handler);
        reader.parse(new InputSource(in));
    }

    private static WorkbookReadException failure(Path file, String sheetName, Exception e) {
        int depth = 0;
        for (Throwable cause = e; cause != null && depth < 20; cause = next(cause), depth++) {
            if (cause instanceof WorkbookReadException read) {
                return read;
            }
            if (cause instanceof XlsxSheetHandler.TooManyCellsException || cause instanceof RowLimit.BeyondLimitException) {
                return new WorkbookReadException(cause.getMessage(), file, sheetName, e);
            }
            String message = cause.getMessage();
            if (message != null && message.contains("Zip bomb detected")) {
                return new WorkbookReadException(ReadMessages.ZIP_BOMB, file, sheetName, e);
            }
        }
        String message = sheetName == null ? ReadMessages.NOT_XLSX
                : ReadMessages.NOT_XLSX + " (sheet '" + sheetName + "' cannot be read)";
        return new WorkbookReadException(message, file, sheetName, e);
    }

    /**
     * The message for a sheet with content below the row limit: evaluation sheets have a few hundred
     * rows, so such a sheet is pasted data or a runaway fill, and reading it would only exhaust memory.
     */
    static String tooManyRows(String sheetName, int maxRows) {
        return String.format("sheet '%s' has cells beyond row %,d, but an evaluation sheet has a few hundred rows; "
                + "delete the rows below the sheet's content (or move the data to another file) and submit it again",
                sheetName, maxRows);
    }

    /**
     * Stands in front of the sheet handler and stops the parse at the first cell that holds a value, a
     * formula or an inline string in a row beyond the limit, before the handler keeps it. Rows that are
     * only formatted (a style down to row 1,048,576) hold no such cell and pass.
     */
    static final class RowLimit extends DefaultHandler {

        /** Thrown from inside the parse at the first cell beyond the limit. */
        static final class BeyondLimitException extends SAXException {
            private static final long serialVersionUID = 1L;

            BeyondLimitException(String message) {
                super(message);
            }
        }

        private final DefaultHandler sheet;
        private final String sheetName;
        private final int maxRows;
        private int row = -1;

        RowLimit(DefaultHandler sheet, String sheetName, int maxRows) {
            this.sheet = sheet;
            this.sheetName = sheetName;
            this.maxRows = maxRows;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) throws SAXException {
            switch (XlsxSheetHandler.localName(localName, qName)) {
                case "row" -> {
                    String r = attributes.getValue("r");
                    row = r == null ? row + 1 : Integer.parseInt(r.strip()) - 1;
                }
                case "c" -> {
                    String ref = attributes.getValue("r");
                    if (ref != null) {
                        row = rowOf(ref, row);
                    }
                }
                case "v", "f", "is" -> {
                    if (row >= maxRows) {
                        throw new BeyondLimitException(tooManyRows(sheetName, maxRows));
                    }
                }
                default -> {
                    // nothing to watch
                }
            }
            sheet.startElement(uri, localName, qName, attributes);
        }

        /** The zero-based row of an A1 reference such as {@code C12}, or {@code fallback} when it has none. */
        private static int rowOf(String ref, int fallback) {
            int i = 0;
            while (i < ref.length() && Character.isLetter(ref.charAt(i))) {
                i++;
            }
            try {
                return Integer.parseInt(ref.substring(i)) - 1;
            } catch (NumberFormatException e) {
                return fallback; // the sheet handler reports a malformed reference
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) throws SAXException {
            sheet.endElement(uri, localName, qName);
        }

        @Override
        public void characters(char[] ch, int start, int length) throws SAXException {
            sheet.characters(ch, start, length);
        }
    }

    private static Throwable next(Throwable t) {
        Throwable cause = t.getCause();
        return cause == t ? null : cause;
    }
}
