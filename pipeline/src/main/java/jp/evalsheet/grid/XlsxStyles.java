package jp.evalsheet.grid;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.BuiltinFormats;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * What number formatting needs of a workbook's styles ({@code xl/styles.xml}): the custom formats
 * ({@code <numFmts>}, id to format code) and the format of each cell style ({@code <cellXfs>/<xf>},
 * in order). A cell's format is found as POI's {@code StylesTable} and {@code XSSFCellStyle} find it:
 * the workbook's own format code for the id first, else POI's built-in format.
 */
final class XlsxStyles {

    /** A number format: POI's id of it (as {@code short}, as POI keeps it) and its format code. */
    record NumberFormat(int index, String format) {
    }

    /** A cell style's {@code numFmtId} and {@code xfId} attributes as written (read when used, as POI reads them). */
    private record CellStyle(String numFmtId, String xfId) {
    }

    static final NumberFormat GENERAL = new NumberFormat(0, "General");

    private static final String MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    private final Map<Short, String> formatCodes;
    private final List<CellStyle> cellStyles;

    private XlsxStyles(Map<Short, String> formatCodes, List<CellStyle> cellStyles) {
        this.formatCodes = formatCodes;
        this.cellStyles = cellStyles;
    }

    static XlsxStyles read(InputStream in) throws IOException, SAXException {
        Handler handler = new Handler();
        XmlParsers.parse(in, handler); // a part without a root element is not well-formed XML
        return new XlsxStyles(handler.formatCodes, handler.cellStyles);
    }

    /**
     * The number format of a cell style, or {@link #GENERAL} when the workbook has no such style or the
     * format is unknown.
     *
     * @throws IllegalArgumentException when the style's {@code numFmtId} or {@code xfId} is no unsigned int
     */
    NumberFormat numberFormat(int style) {
        if (style < 0 || style >= cellStyles.size()) {
            return GENERAL;
        }
        CellStyle cellStyle = cellStyles.get(style);
        unsignedInt(cellStyle.xfId()); // POI reads the parent style id first; one that is no number fails there
        short index = (short) unsignedInt(cellStyle.numFmtId());
        String format = formatCodes.get(index);
        if (format == null) {
            format = BuiltinFormats.getBuiltinFormat(index);
        }
        return format == null ? GENERAL : new NumberFormat(index, format);
    }

    /** An {@code xsd:unsignedInt} attribute as XMLBeans reads it: 0 when absent. */
    private static long unsignedInt(String value) {
        if (value == null) {
            return 0;
        }
        long number;
        try {
            number = Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + value + "' is no unsigned int", e);
        }
        if (number < 0 || number > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("'" + value + "' is no unsigned int");
        }
        return number;
    }

    /**
     * The SAX handler: {@code styleSheet/numFmts/numFmt} and {@code styleSheet/cellXfs/xf}, only the
     * first {@code numFmts} and {@code cellXfs}, as XMLBeans reads the single element of each.
     */
    private static final class Handler extends DefaultHandler {

        private final Map<Short, String> formatCodes = new HashMap<>();
        private final List<CellStyle> cellStyles = new ArrayList<>();
        private int depth;
        /** The child of the root being read: "numFmts", "cellXfs" or another. */
        private String section = "";
        private boolean numFmtsRead;
        private boolean cellXfsRead;
        private boolean readingSection;

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) throws SAXException {
            depth++;
            if (depth == 1) {
                if (!MAIN_NS.equals(uri) || !"styleSheet".equals(localName)) {
                    throw new SAXException("the styles part is a " + qName + ", not a styleSheet");
                }
                return;
            }
            if (depth == 2) {
                section = MAIN_NS.equals(uri) ? localName : "";
                readingSection = "numFmts".equals(section) && !numFmtsRead || "cellXfs".equals(section) && !cellXfsRead;
                return;
            }
            if (depth != 3 || !readingSection || !MAIN_NS.equals(uri)) {
                return;
            }
            if ("numFmts".equals(section) && "numFmt".equals(localName)) {
                short id = (short) unsignedInt(attributes.getValue("", "numFmtId"));
                formatCodes.put(id, attributes.getValue("", "formatCode"));
            } else if ("cellXfs".equals(section) && "xf".equals(localName)) {
                cellStyles.add(new CellStyle(attributes.getValue("", "numFmtId"), attributes.getValue("", "xfId")));
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            if (depth == 2 && readingSection) {
                if ("numFmts".equals(section)) {
                    numFmtsRead = true;
                } else {
                    cellXfsRead = true;
                }
                readingSection = false;
            }
            depth--;
        }
    }
}
