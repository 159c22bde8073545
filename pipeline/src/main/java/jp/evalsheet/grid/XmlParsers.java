package jp.evalsheet.grid;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;

import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;

import org.xml.sax.ContentHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * The SAX parser the .xlsx reader parses every part with: the JDK's own, namespace-aware, configured
 * as POI's {@code XMLHelper} configures it (no DOCTYPE, no external entities or DTDs, secure
 * processing), and kept one per thread, because creating a parser costs far more than parsing the few
 * kilobytes of a part.
 */
final class XmlParsers {

    private static final SAXParserFactory FACTORY = newFactory();

    private static final ThreadLocal<XMLReader> READERS = new ThreadLocal<>();

    private XmlParsers() {
    }

    /** Parses {@code in} to {@code handler} with this thread's parser; the caller closes {@code in}. */
    static void parse(InputStream in, ContentHandler handler) throws IOException, SAXException {
        XMLReader reader = READERS.get();
        if (reader == null) {
            reader = newReader();
        } else {
            // while it parses, a handler that parses another part (none does today) gets a parser of its own
            READERS.remove();
        }
        reader.setContentHandler(handler);
        reader.parse(new InputSource(in));
        // a parse that failed leaves the parser out: it is only taken back after a clean parse
        reader.setContentHandler(null);
        READERS.set(reader);
    }

    private static SAXParserFactory newFactory() {
        // the JDK's built-in factory, without the service lookup of newInstance(), which POI paid per parser
        SAXParserFactory factory = SAXParserFactory.newDefaultInstance();
        factory.setNamespaceAware(true);
        factory.setValidating(false);
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-dtd-grammar", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("the JDK's SAX parser does not take the settings that keep it safe", e);
        }
        return factory;
    }

    private static XMLReader newReader() throws SAXException {
        try {
            XMLReader reader = FACTORY.newSAXParser().getXMLReader();
            reader.setEntityResolver((publicId, systemId) -> new InputSource(new StringReader("")));
            reader.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            reader.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            reader.setProperty("http://www.oracle.com/xml/jaxp/properties/entityExpansionLimit", 1);
            return reader;
        } catch (ParserConfigurationException e) {
            throw new SAXException("no SAX parser: " + e.getMessage(), e);
        }
    }
}
