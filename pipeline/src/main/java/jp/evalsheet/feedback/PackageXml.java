package jp.evalsheet.feedback;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * Reading and writing the XML parts of an OOXML package as DOM documents: a namespace-aware parser
 * that refuses DTDs, and a serializer that writes back every element, attribute (namespace
 * declarations included), text, comment and processing instruction as parsed, in UTF-8.
 */
final class PackageXml {

    static final String MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    static final String REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    static final String PACKAGE_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
    static final String CONTENT_TYPES_NS = "http://schemas.openxmlformats.org/package/2006/content-types";
    static final String XMLNS_NS = XMLConstants.XMLNS_ATTRIBUTE_NS_URI;

    /** The XML declaration a part is written with, and the line break after it. */
    static final String DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

    // a DocumentBuilder is not thread-safe, and making one per part costs more than parsing it
    private static final ThreadLocal<DocumentBuilder> BUILDER = ThreadLocal.withInitial(PackageXml::newBuilder);

    private PackageXml() {
    }

    private static DocumentBuilder newBuilder() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            // every node is visited when the part is written back, so building them lazily only adds
            // bookkeeping (parsing and writing the prefecture corpus's sheets: 383–432 → 341–368 ms)
            factory.setFeature("http://apache.org/xml/features/dom/defer-node-expansion", false);
            return factory.newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("no namespace-aware XML parser", e);
        }
    }

    static Document parse(byte[] xml) throws IOException {
        DocumentBuilder builder = BUILDER.get();
        try {
            return builder.parse(new ByteArrayInputStream(xml));
        } catch (SAXException e) {
            throw new IOException("not well-formed XML: " + e.getMessage(), e);
        } finally {
            builder.reset();
        }
    }

    static byte[] write(Document document) {
        StringBuilder out = new StringBuilder(8192).append(DECLARATION);
        for (Node node = document.getFirstChild(); node != null; node = node.getNextSibling()) {
            write(node, out);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void write(Node node, StringBuilder out) {
        switch (node.getNodeType()) {
            case Node.ELEMENT_NODE -> {
                out.append('<').append(node.getNodeName());
                NamedNodeMap attributes = node.getAttributes();
                for (int i = 0; i < attributes.getLength(); i++) {
                    Attr attribute = (Attr) attributes.item(i);
                    out.append(' ').append(attribute.getName()).append("=\"");
                    escape(attribute.getValue(), true, out);
                    out.append('"');
                }
                if (node.getFirstChild() == null) {
                    out.append("/>");
                    return;
                }
                out.append('>');
                for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
                    write(child, out);
                }
                out.append("</").append(node.getNodeName()).append('>');
            }
            case Node.TEXT_NODE -> escape(node.getNodeValue(), false, out);
            case Node.CDATA_SECTION_NODE -> escape(node.getNodeValue(), false, out);
            case Node.COMMENT_NODE -> out.append("<!--").append(node.getNodeValue()).append("-->");
            case Node.PROCESSING_INSTRUCTION_NODE ->
                out.append("<?").append(node.getNodeName()).append(' ').append(node.getNodeValue()).append("?>");
            default -> throw new IllegalStateException("unexpected XML node type " + node.getNodeType());
        }
    }

    /** Appends {@code text} escaped for element content or a double-quoted attribute. */
    static void escape(String text, boolean attribute, StringBuilder out) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append(attribute ? "&quot;" : "\"");
                // a parser normalizes literal whitespace in attribute values and CR in text
                case '\n' -> out.append(attribute ? "&#10;" : "\n");
                case '\t' -> out.append(attribute ? "&#9;" : "\t");
                case '\r' -> out.append("&#13;");
                default -> out.append(c);
            }
        }
    }

    /**
     * {@code text} with the characters XML cannot hold (controls other than tab, line feed and
     * carriage return, unpaired surrogates, U+FFFE/U+FFFF) written as OOXML's {@code _xHHHH_}
     * escapes, and a literal {@code _xHHHH_} escaped so that it reads back as written.
     */
    static String xmlSafe(String text) {
        StringBuilder safe = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            boolean bad = !pair && !isXmlChar(c);
            boolean literalEscape = c == '_' && text.startsWith("_x", i) && i + 7 <= text.length()
                    && text.charAt(i + 6) == '_' && text.substring(i + 2, i + 6).chars().allMatch(PackageXml::isHex);
            if (bad || literalEscape) {
                if (safe == null) {
                    safe = new StringBuilder(text.length() + 16).append(text, 0, i);
                }
                safe.append(String.format("_x%04X_", (int) c));
            } else if (safe != null) {
                safe.append(c);
                if (pair) {
                    safe.append(text.charAt(++i));
                }
            } else if (pair) {
                i++;
            }
        }
        return safe == null ? text : safe.toString();
    }

    /** Whether {@code text} holds only characters XML can (a surrogate only as half of a pair). */
    static boolean isXmlText(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (!isXmlChar(c)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether XML can hold {@code c} on its own: not a control other than tab, line feed and carriage
     * return, not a surrogate, not U+FFFE or U+FFFF.
     */
    private static boolean isXmlChar(char c) {
        return (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') && !Character.isSurrogate(c)
                && c != 0xFFFE && c != 0xFFFF;
    }

    /**
     * Appends a {@code <t>} element holding {@code text}, with {@code xml:space="preserve"} where
     * Excel writes it: when the text starts or ends with whitespace, which it would otherwise trim.
     */
    static void textElement(String text, StringBuilder out) {
        String safe = xmlSafe(text);
        boolean edges = !safe.isEmpty() && (isSpace(safe.charAt(0)) || isSpace(safe.charAt(safe.length() - 1)));
        out.append(edges ? "<t xml:space=\"preserve\">" : "<t>");
        escape(safe, false, out);
        out.append("</t>");
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    private static boolean isHex(int c) {
        return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F') || (c >= 'a' && c <= 'f');
    }

    /** The child elements of {@code parent} in {@code namespace} called {@code localName}, in order. */
    static List<Element> children(Element parent, String namespace, String localName) {
        List<Element> found = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && localName.equals(element.getLocalName())
                    && namespace.equals(element.getNamespaceURI())) {
                found.add(element);
            }
        }
        return found;
    }

    /** The first child element of {@code parent} in {@code namespace} called {@code localName}, or {@code null}. */
    static Element child(Element parent, String namespace, String localName) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && localName.equals(element.getLocalName())
                    && namespace.equals(element.getNamespaceURI())) {
                return element;
            }
        }
        return null;
    }

    /** The child elements of {@code parent}, in order. */
    static List<Element> elements(Node parent) {
        List<Element> found = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element) {
                found.add(element);
            }
        }
        return found;
    }

    /** A new element in the namespace of {@code like}, with its prefix. */
    static Element create(Element like, String localName) {
        String prefix = like.getPrefix();
        return like.getOwnerDocument().createElementNS(like.getNamespaceURI(),
                prefix == null ? localName : prefix + ":" + localName);
    }

    /**
     * Inserts {@code child} into {@code parent} before the first child element whose local name
     * comes after {@code child}'s in {@code order} (a schema's sequence), or at the end.
     */
    static void insertInOrder(Element parent, Element child, List<String> order) {
        int rank = order.indexOf(child.getLocalName());
        if (rank < 0) {
            throw new IllegalArgumentException("not in the sequence: " + child.getLocalName());
        }
        for (Element existing : elements(parent)) {
            int existingRank = order.indexOf(existing.getLocalName());
            if (existingRank > rank && child.getNamespaceURI().equals(existing.getNamespaceURI())) {
                parent.insertBefore(child, existing);
                return;
            }
        }
        parent.appendChild(child);
    }

    /** The prefix bound to {@code namespace} on {@code root}, declaring {@code preferred} there when none is. */
    static String prefixFor(Element root, String namespace, String preferred) throws PackageFallback {
        String prefix = root.lookupPrefix(namespace);
        if (prefix != null) {
            return prefix;
        }
        String bound = root.lookupNamespaceURI(preferred);
        if (bound != null) {
            throw new PackageFallback("the prefix " + preferred + " is bound to another namespace in "
                    + root.getLocalName());
        }
        root.setAttributeNS(XMLNS_NS, "xmlns:" + preferred, namespace);
        return preferred;
    }
}
