package jp.evalsheet.grid;

import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The shared strings of a workbook ({@code xl/sharedStrings.xml}) as POI's
 * {@code ReadOnlySharedStringsTable} reads them without phonetic runs: each {@code <si>} is the
 * concatenation of its {@code <t>} texts, rich-text runs included and furigana ({@code <rPh>}) left
 * out, white space kept as written, and Excel's {@code _xHHHH_} escapes decoded as each is read.
 */
final class XlsxSharedStrings {

    private static final Pattern ESCAPE = Pattern.compile("_x([0-9A-Fa-f]{4})_");

    /** No strings at all: the workbook has no shared strings part, or an empty one. */
    static final XlsxSharedStrings NONE = new XlsxSharedStrings(null);

    private final List<String> strings;

    private XlsxSharedStrings(List<String> strings) {
        this.strings = strings;
    }

    /** Reads the part; an empty part holds no strings, as for POI. */
    static XlsxSharedStrings read(InputStream in) throws IOException, SAXException {
        PushbackInputStream pushback = new PushbackInputStream(in, 1);
        int first = pushback.read();
        if (first < 0) {
            return NONE;
        }
        pushback.unread(first);
        Handler handler = new Handler();
        XmlParsers.parse(pushback, handler);
        return new XlsxSharedStrings(handler.strings);
    }

    /** The number of strings. */
    int size() {
        return strings == null ? 0 : strings.size();
    }

    /**
     * The string at a zero-based index.
     *
     * @throws IndexOutOfBoundsException when the workbook holds no such string
     */
    String get(int index) {
        if (strings == null || index < 0 || index >= strings.size()) {
            throw new IndexOutOfBoundsException("no shared string " + index + " among " + size());
        }
        return strings.get(index);
    }

    /** Excel's escapes of characters XML cannot hold, such as {@code _x000D_} for a carriage return. */
    static String decode(String value) {
        if (!value.contains("_x")) {
            return value;
        }
        Matcher matcher = ESCAPE.matcher(value);
        StringBuilder decoded = new StringBuilder(value.length());
        int from = 0;
        while (matcher.find()) {
            decoded.append(value, from, matcher.start()).append((char) Integer.parseInt(matcher.group(1), 16));
            from = matcher.end();
        }
        return from == 0 ? value : decoded.append(value, from, value.length()).toString();
    }

    /** The SAX handler, the state machine of POI's table: elements outside the SpreadsheetML namespace are ignored. */
    private static final class Handler extends DefaultHandler {

        private static final String MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

        private List<String> strings;
        private StringBuilder characters;
        private boolean inText;
        private boolean inPhonetic;

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) throws SAXException {
            if (!MAIN_NS.equals(uri)) {
                return;
            }
            switch (localName) {
                case "sst" -> {
                    String count = attributes.getValue("count");
                    if (count != null) {
                        Long.parseLong(count); // a count that is no number refuses the part, as in POI
                    }
                    String uniqueCount = attributes.getValue("uniqueCount");
                    int expected = uniqueCount == null ? 0 : (int) Long.parseLong(uniqueCount);
                    if (expected < 0) {
                        throw new SAXException("the shared strings part declares " + uniqueCount + " strings");
                    }
                    strings = new ArrayList<>(Math.min(expected, 100_000));
                    characters = new StringBuilder(64);
                }
                case "si" -> {
                    if (characters != null) {
                        characters.setLength(0);
                    }
                }
                case "t" -> inText = true;
                case "rPh" -> inPhonetic = true;
                default -> {
                    // formatting of runs, phonetic properties
                }
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            if (!MAIN_NS.equals(uri)) {
                return;
            }
            switch (localName) {
                case "si" -> {
                    if (strings != null && characters != null) {
                        strings.add(decode(characters.toString())); // once per string, not per cell that uses it
                    }
                }
                case "t" -> inText = false;
                case "rPh" -> inPhonetic = false;
                default -> {
                    // nothing to finish
                }
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) throws SAXException {
            if (inText && !inPhonetic) {
                if (characters == null) {
                    throw new SAXException("text outside the shared strings table <sst>");
                }
                characters.append(ch, start, length);
            }
        }
    }
}
