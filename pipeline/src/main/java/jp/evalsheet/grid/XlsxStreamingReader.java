package jp.evalsheet.grid;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.function.Consumer;

import org.apache.poi.openxml4j.opc.PackageRelationshipTypes;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.xml.sax.SAXException;

/**
 * Reads .xlsx/.xlsm workbooks sheet by sheet with SAX handlers of its own, never building an
 * {@code XSSFWorkbook}, so only one sheet's cells are in memory. The package is read by
 * {@link XlsxPackage} (POI's zip layer, without its OPC object model), shared strings and styles by
 * {@link XlsxSharedStrings} and {@link XlsxStyles}, every part with this thread's parser from
 * {@link XmlParsers}: a workbook of a few kilobytes costs little more than its XML.
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

    /**
     * The default limit of non-empty cells in one sheet. The fullest evaluation sheet known holds about
     * 1,300; a sheet's cells are held in memory while it is read (about 200 bytes each, so the limit
     * bounds one sheet at some 40 MB whatever the file holds).
     */
    public static final int DEFAULT_MAX_CELLS_PER_SHEET = 200_000;

    /**
     * The default number of rows a sheet may use: a non-empty cell at a zero-based row index of this
     * value or more (below row 100,000 as Excel numbers them) rejects the file. Evaluation sheets have a
     * few hundred rows.
     */
    public static final int DEFAULT_MAX_ROWS_PER_SHEET = 100_000;

    /**
     * The relationships from the workbook to its sheets that POI's {@code XSSFReader} iterated (those of
     * {@code XSSFRelation}, written out: that class loads much of POI and its logging when first used).
     */
    static final Set<String> SHEET_RELATIONSHIPS = Set.of(
            "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet",
            "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chartsheet",
            "http://schemas.microsoft.com/office/2006/relationships/xlMacrosheet");

    static final String SHARED_STRINGS_TYPE =
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml";
    static final String STYLES_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml";

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
        XlsxPackage pkg = open(file);
        try {
            readPackage(file, pkg, sheets);
        } finally {
            try {
                pkg.close();
            } catch (IOException e) {
                // the file was read (or refused) already; closing it cannot change that
            }
        }
    }

    private static XlsxPackage open(Path file) throws WorkbookReadException {
        try {
            return XlsxPackage.open(file);
        } catch (IOException | SAXException | RuntimeException e) {
            throw failure(file, null, e);
        }
    }

    private void readPackage(Path file, XlsxPackage pkg, Consumer<SheetGrid> sheets) throws WorkbookReadException {
        XlsxSharedStrings strings;
        XlsxStyles styles;
        XlsxWorkbookHandler workbook = new XlsxWorkbookHandler();
        Map<String, String> sheetParts;
        try {
            String workbookPart = requireSpreadsheet(file, pkg);
            strings = sharedStrings(pkg);
            styles = styles(pkg);
            try (InputStream in = pkg.open(workbookPart)) {
                XmlParsers.parse(in, workbook);
            }
            sheetParts = sheetParts(pkg, workbookPart);
        } catch (IOException | SAXException | RuntimeException e) {
            throw failure(file, null, e);
        }
        for (XlsxWorkbookHandler.SheetRef sheet : workbook.sheets()) {
            SheetGrid grid;
            String sheetName = null;
            try {
                String partName = sheetParts.get(sheet.relationshipId());
                if (partName == null) {
                    throw new IOException("the workbook has no sheet part for relationship " + sheet.relationshipId());
                }
                try (InputStream in = pkg.open(partName)) {
                    sheetName = sheet.name();
                    SheetGrid.Builder builder = SheetGrid.builder(sheetName).hidden(workbook.isHidden(sheetName));
                    XmlParsers.parse(in, new XlsxSheetHandler(builder, sheetName, strings, styles,
                            workbook.isDate1904(), maxCellsPerSheet, maxRowsPerSheet));
                    grid = builder.build();
                }
            } catch (IOException | SAXException | RuntimeException e) {
                throw failure(file, sheetName, e);
            }
            sheets.accept(grid);
        }
    }

    /**
     * The name of the workbook part, once the package says it is a spreadsheet: its office document
     * must be a SpreadsheetML (or Excel) part. As before with POI, a binary workbook (.xlsb) is named as
     * such and a strict OOXML workbook is refused.
     */
    private static String requireSpreadsheet(Path file, XlsxPackage pkg)
            throws WorkbookReadException, IOException, SAXException {
        NavigableMap<String, XlsxPackage.Relationship> relationships = pkg.packageRelationships();
        String type = PackageRelationshipTypes.CORE_DOCUMENT;
        if (firstOfType(relationships, type) == null) {
            type = PackageRelationshipTypes.STRICT_CORE_DOCUMENT;
        }
        if (firstOfType(relationships, type) == null) {
            throw new WorkbookReadException(ReadMessages.NOT_XLSX, file, null);
        }
        String part = partOf(pkg, relationships, type);
        String contentType = part == null ? "" : pkg.contentType(part);
        if (contentType.contains("sheet.binary")) {
            throw new WorkbookReadException(ReadMessages.XLSB, file, null);
        }
        if (!contentType.contains("spreadsheetml") && !contentType.startsWith("application/vnd.ms-excel")) {
            throw new WorkbookReadException(ReadMessages.NOT_XLSX, file, null);
        }
        if (type.equals(PackageRelationshipTypes.STRICT_CORE_DOCUMENT)) {
            // POI's XSSFReader never read strict OOXML, so such a workbook stays refused
            throw new WorkbookReadException(ReadMessages.NOT_XLSX, file, null);
        }
        return part;
    }

    private static XlsxPackage.Relationship firstOfType(Map<String, XlsxPackage.Relationship> relationships,
            String type) {
        for (XlsxPackage.Relationship relationship : relationships.values()) {
            if (relationship.type().equals(type)) {
                return relationship;
            }
        }
        return null;
    }

    /**
     * The part the package's first relationship of a type points to, as POI's
     * {@code OPCPackage.getPart(PackageRelationship)} finds it: a target that is no valid part name is
     * passed over, the first valid one decides.
     */
    private static String partOf(XlsxPackage pkg, Map<String, XlsxPackage.Relationship> relationships, String type)
            throws IOException {
        for (XlsxPackage.Relationship relationship : relationships.values()) {
            if (relationship.type().equals(type)) {
                XlsxPackage.Target target = relationship.target();
                if (target.unresolvable()) {
                    throw new IOException("the relationship " + relationship.id() + " has a target that is no URI");
                }
                if (target.partName() != null) {
                    return pkg.hasPart(target.partName()) ? target.partName() : null;
                }
            }
        }
        return null;
    }

    /** The shared strings, found by content type as POI's {@code ReadOnlySharedStringsTable} found them. */
    private static XlsxSharedStrings sharedStrings(XlsxPackage pkg) throws IOException, SAXException {
        List<String> parts = pkg.partsOfType(SHARED_STRINGS_TYPE);
        if (parts.isEmpty()) {
            return XlsxSharedStrings.NONE;
        }
        try (InputStream in = pkg.open(parts.get(0))) {
            return XlsxSharedStrings.read(in);
        }
    }

    /** The styles, found by content type as POI's {@code XSSFReader.getStylesTable} found them, or {@code null}. */
    private static XlsxStyles styles(XlsxPackage pkg) throws IOException, SAXException {
        List<String> parts = pkg.partsOfType(STYLES_TYPE);
        if (parts.isEmpty()) {
            return null;
        }
        try (InputStream in = pkg.open(parts.get(0))) {
            return XlsxStyles.read(in);
        }
    }

    /**
     * The part of each sheet by the id of its relationship from the workbook, {@code null} for a
     * relationship whose part is missing (that sheet is refused when its turn comes, as POI did).
     */
    private static Map<String, String> sheetParts(XlsxPackage pkg, String workbookPart) throws IOException {
        Map<String, String> parts = new HashMap<>();
        for (XlsxPackage.Relationship relationship : pkg.relationshipsOf(workbookPart).values()) {
            if (SHEET_RELATIONSHIPS.contains(relationship.type())) {
                XlsxPackage.Target target = relationship.target();
                if (target.unresolvable() || target.partName() == null) {
                    throw new IOException("the sheet relationship " + relationship.id() + " has no valid part name");
                }
                parts.put(relationship.id(), pkg.hasPart(target.partName()) ? target.partName() : null);
            }
        }
        return parts;
    }

    private static WorkbookReadException failure(Path file, String sheetName, Exception e) {
        int depth = 0;
        for (Throwable cause = e; cause != null && depth < 20; cause = next(cause), depth++) {
            if (cause instanceof WorkbookReadException read) {
                return read;
            }
            if (cause instanceof XlsxSheetHandler.BeyondLimitException) {
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
