package jp.evalsheet.grid;

import java.util.HashMap;
import java.util.Map;

import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;

/** Reads what the sheet parts do not say from {@code xl/workbook.xml}: hidden sheets and the 1904 date system. */
final class XlsxWorkbookHandler extends DefaultHandler {

    private final Map<String, Boolean> hiddenByName = new HashMap<>();
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
    }

    /** Whether the workbook marks the sheet hidden or very hidden. */
    boolean isHidden(String sheetName) {
        return hiddenByName.getOrDefault(sheetName, false);
    }

    boolean isDate1904() {
        return date1904;
    }
}
