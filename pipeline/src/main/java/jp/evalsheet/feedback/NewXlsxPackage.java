package jp.evalsheet.feedback;

import java.nio.charset.StandardCharsets;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.util.CellRangeAddress;

/**
 * The parts of a new, minimal .xlsx package, as POI writes a new workbook: the content types, the
 * relationships, a workbook, its styles and its worksheets, each part's name to its bytes, to be
 * zipped and edited by {@link XlsxPackageEditor}. {@link XlsPackage} and {@link CsvPackage} write a
 * submission's copy this way; the findings sheet alone is one too.
 */
final class NewXlsxPackage {

    /** The cellXfs index of the wrapping, top-aligned format of {@link #styles styles(true)}. */
    static final int WRAP_TOP_FORMAT = 1;

    /** The page margins POI writes on a new sheet. */
    static final String PAGE_MARGINS =
            "<pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/>";

    private NewXlsxPackage() {
    }

    /**
     * The parts of a new package: the content types, the package's and the workbook's relationships,
     * {@code workbook} as {@code xl/workbook.xml}, whose sheets' relationships are {@code rId1},
     * {@code rId2}... in the order of {@code sheets}, which become {@code xl/worksheets/sheet1.xml},
     * {@code sheet2.xml}..., and {@code styles}.
     */
    static Map<String, byte[]> parts(String workbook, byte[] styles, List<byte[]> sheets) {
        StringBuilder types = new StringBuilder(1024).append(PackageXml.DECLARATION)
                .append("<Types xmlns=\"").append(PackageXml.CONTENT_TYPES_NS).append("\">")
                .append("<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>")
                .append("<Default Extension=\"xml\" ContentType=\"application/xml\"/>")
                .append("<Override PartName=\"/xl/workbook.xml\" ContentType=\"")
                .append(XlsxPackageEditor.WORKBOOK_TYPE).append("\"/>");
        StringBuilder workbookRelationships = new StringBuilder(512);
        for (int n = 1; n <= sheets.size(); n++) {
            types.append("<Override PartName=\"/xl/worksheets/sheet").append(n).append(".xml\" ContentType=\"")
                    .append(XlsxPackageEditor.WORKSHEET_TYPE).append("\"/>");
            workbookRelationships.append("<Relationship Id=\"rId").append(n).append("\" Type=\"")
                    .append(XlsxPackageEditor.WORKSHEET).append("\" Target=\"worksheets/sheet").append(n)
                    .append(".xml\"/>");
        }
        types.append("<Override PartName=\"/xl/styles.xml\" ContentType=\"")
                .append("application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/></Types>");
        workbookRelationships.append("<Relationship Id=\"rId").append(sheets.size() + 1).append("\" Type=\"")
                .append(XlsxPackageEditor.STYLES).append("\" Target=\"styles.xml\"/>");

        Map<String, byte[]> parts = new LinkedHashMap<>();
        parts.put(XlsxPackageEditor.CONTENT_TYPES, types.toString().getBytes(StandardCharsets.UTF_8));
        parts.put("_rels/.rels", relationships("<Relationship Id=\"rId1\" Type=\"" + XlsxPackageEditor.OFFICE_DOCUMENT
                + "\" Target=\"xl/workbook.xml\"/>"));
        parts.put("xl/workbook.xml", workbook.getBytes(StandardCharsets.UTF_8));
        parts.put("xl/_rels/workbook.xml.rels", relationships(workbookRelationships.toString()));
        parts.put("xl/styles.xml", styles);
        for (int n = 1; n <= sheets.size(); n++) {
            parts.put("xl/worksheets/sheet" + n + ".xml", sheets.get(n - 1));
        }
        return parts;
    }

    private static byte[] relationships(String content) {
        return (PackageXml.DECLARATION + "<Relationships xmlns=\""
                + PackageXml.PACKAGE_REL_NS + "\">" + content + "</Relationships>").getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The styles of a new workbook, as POI writes them: one font, the two fills Excel requires, one
     * border, one format; and, when {@code wrapTop}, a second format {@value #WRAP_TOP_FORMAT} that
     * wraps text and aligns it to the top.
     */
    static String styles(boolean wrapTop) {
        return styles("", wrapTop ? List.of("<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\""
                + " applyAlignment=\"1\"><alignment vertical=\"top\" wrapText=\"1\"/></xf>") : List.of());
    }

    /**
     * The styles of a new workbook, as POI writes them, with the number formats {@code numFmts} (a
     * {@code <numFmts>} element, or empty) and, after the default format, the cell formats
     * {@code cellXfs} ({@code <xf>} elements of the one font, fill, border and cell style).
     */
    static String styles(String numFmts, List<String> cellXfs) {
        StringBuilder xml = new StringBuilder(1024 + cellXfs.size() * 160)
                .append("<styleSheet xmlns=\"").append(PackageXml.MAIN_NS).append("\">").append(numFmts)
                .append("<fonts count=\"1\"><font><sz val=\"11\"/><color indexed=\"8\"/><name val=\"Calibri\"/>")
                .append("<family val=\"2\"/><scheme val=\"minor\"/></font></fonts>")
                .append("<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill>")
                .append("<fill><patternFill patternType=\"gray125\"/></fill></fills>")
                .append("<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>")
                .append("<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>")
                .append("<cellXfs count=\"").append(cellXfs.size() + 1)
                .append("\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>");
        cellXfs.forEach(xml::append);
        return xml.append("</cellXfs></styleSheet>").toString();
    }

    /**
     * The workbook part of a new package, whose sheets, named {@code sheetNames} in tab order, are
     * {@code rId1}, {@code rId2}... as {@link #parts} relates them; those whose index is in
     * {@code hidden} are hidden.
     */
    static String workbook(List<String> sheetNames, BitSet hidden) {
        StringBuilder workbook = new StringBuilder(256 + sheetNames.size() * 64)
                .append(PackageXml.DECLARATION).append("<workbook xmlns=\"")
                .append(PackageXml.MAIN_NS).append("\" xmlns:r=\"").append(PackageXml.REL_NS)
                .append("\"><bookViews><workbookView/></bookViews><sheets>");
        for (int n = 1; n <= sheetNames.size(); n++) {
            workbook.append("<sheet name=\"");
            PackageXml.escape(sheetNames.get(n - 1), true, workbook);
            workbook.append("\" sheetId=\"").append(n).append('"');
            if (hidden.get(n - 1)) {
                workbook.append(" state=\"hidden\"");
            }
            workbook.append(" r:id=\"rId").append(n).append("\"/>");
        }
        return workbook.append("</sheets></workbook>").toString();
    }

    /**
     * The start of a new worksheet part, as POI writes a new sheet: the declaration, the root element,
     * {@code <dimension ref>} and the sheet view; in a builder of {@code capacity}.
     */
    static StringBuilder startWorksheet(String dimension, int capacity) {
        return new StringBuilder(capacity).append(PackageXml.DECLARATION).append("<worksheet xmlns=\"")
                .append(PackageXml.MAIN_NS).append("\" xmlns:r=\"").append(PackageXml.REL_NS).append("\"><dimension ref=\"")
                .append(dimension).append("\"/><sheetViews><sheetView workbookViewId=\"0\"/></sheetViews>");
    }

    /**
     * Ends a new worksheet part begun by {@link #startWorksheet} whose rows are written: closes the
     * sheet data, adds {@code <mergeCells>} (only when there are merges: it holds one at least) and the
     * page margins, in schema order; the part's bytes.
     */
    static byte[] endWorksheet(List<CellRangeAddress> merges, StringBuilder xml) {
        xml.append("</sheetData>");
        if (!merges.isEmpty()) {
            xml.append("<mergeCells count=\"").append(merges.size()).append("\">");
            for (CellRangeAddress merge : merges) {
                xml.append("<mergeCell ref=\"").append(merge.formatAsString()).append("\"/>");
            }
            xml.append("</mergeCells>");
        }
        return xml.append(PAGE_MARGINS).append("</worksheet>").toString().getBytes(StandardCharsets.UTF_8);
    }
}
