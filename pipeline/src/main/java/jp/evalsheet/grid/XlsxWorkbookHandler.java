package jp.evalsheet.grid;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads {@code xl/workbook.xml}: its sheets in workbook order (name and relationship id, as POI's
 * {@code XSSFReader} lists them), which of them are hidden, and the 1904 date system.
 */
final class XlsxWorkbookHandler extends DefaultHandler {

    /** A sheet of the workbook: its tab name and the id of the relationship to its part. */
    record SheetRef(String name, String relationshipId) {
    }

    private final Map<String, Boolean> hiddenByName = new HashMap<>();
    private final List<SheetRef> sheets = new ArrayList<>();
    private boolean date1904;

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes) {
        String name = XlsxSheetHandler.localName(localName, qName);
        if ("sheet".equals(name)) {
            String sheetName = attributes.getValue("name");
            String state = attributes.getValue("state");
            if (sheetName != null) {
                hiddenByName.put(sheetName, "hidden".equals(state) || "veryHidden".equals(state));
            }
        } else if ("workbookPr".equals(name)) {
            String value = attributes.getValue("date1904");
            date1904 = "1".equals(value) || "true".equalsIgnoreCase(value);
        }
        if (localName.equalsIgnoreCase("sheet")) {
            addSheet(attributes);
        }
    }

    /** As POI: the first attributes named name and id (any case, any namespace); a sheet without both is left out. */
    private void addSheet(Attributes attributes) {
        String sheetName = null;
        String id = null;
        for (int i = 0; i < attributes.getLength(); i++) {
            String attribute = attributes.getLocalName(i);
            if (attribute.equalsIgnoreCase("name")) {
                sheetName = attributes.getValue(i);
            } else if (attribute.equalsIgnoreCase("id")) {
                id = attributes.getValue(i);
            }
            if (sheetName != null && id != null) {
                if (!id.isEmpty()) {
                    sheets.add(new SheetRef(sheetName, id));
                }
                return;
            }
        }
    }

    /** The sheets in workbook order. */
    List<SheetRef> sheets() {
        return sheets;
    }

    /** Whether the workbook marks the sheet hidden or very hidden. */
    boolean isHidden(String sheetName) {
        return hiddenByName.getOrDefault(sheetName, false);
    }

    boolean isDate1904() {
        return date1904;
    }
}
