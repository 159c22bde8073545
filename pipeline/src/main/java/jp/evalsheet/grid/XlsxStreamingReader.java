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
 * than {@link #maxCellsPerSheet()} is refused.
 */
public final class XlsxStreamingReader implements WorkbookReader {

    /** The default limit of non-empty cells in one sheet. */
    public static final int DEFAULT_MAX_CELLS_PER_SHEET = 2_000_000;

    private final int maxCellsPerSheet;

    public XlsxStreamingReader() {
        this(DEFAULT_MAX_CELLS_PER_SHEET);
    }

    /** A reader that refuses sheets holding more than {@code maxCellsPerSheet} non-empty cells. */
    public XlsxStreamingReader(int maxCellsPerSheet) {
        if (maxCellsPerSheet <= 0) {
            throw new IllegalArgumentException("maxCellsPerSheet must be positive: " + maxCellsPerSheet);
        }
        this.maxCellsPerSheet = maxCellsPerSheet;
    }

    public int maxCellsPerSheet() {
        return maxCellsPerSheet;
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
                    parse(in, new XlsxSheetHandler(builder, sheetName, strings, styles, formatter,
                            workbook.isDate1904(), maxCellsPerSheet));
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
            if (cause instanceof XlsxSheetHandler.TooManyCellsException) {
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

    private static Throwable next(Throwable t) {
        Throwable cause = t.getCause();
        return cause == t ? null : cause;
    }
}
