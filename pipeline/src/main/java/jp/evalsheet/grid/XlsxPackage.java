package jp.evalsheet.grid;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.poi.openxml4j.opc.PackagePartName;
import org.apache.poi.openxml4j.opc.internal.ZipHelper;
import org.apache.poi.openxml4j.util.ZipEntrySource;
import org.apache.poi.openxml4j.util.ZipFileZipEntrySource;
import org.apache.poi.openxml4j.util.ZipInputStreamZipEntrySource;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The parts of an OOXML package (the zip archive of an .xlsx) with their content types and
 * relationships, read the way POI's {@code OPCPackage} reads them but without its object model: part
 * names are compared as OPC compares them (case-insensitively, non-ASCII characters percent-encoded),
 * every part needs a content type, each part's relationships are parsed when the package is opened,
 * and relationship targets are resolved against their source part.
 *
 * <p>The zip itself is read by POI's own layer ({@link ZipSecureFile}, or its stream reading when the
 * central directory is damaged), so the same archives are accepted and its zip-bomb limits apply to
 * every part read.
 */
final class XlsxPackage implements Closeable {

    /** A relationship of a part (or of the package, whose source is {@code /}). */
    record Relationship(String id, String type, Target target) {
    }

    /**
     * Where a relationship points: the part name it resolves to, {@code null} when its target is no
     * valid part name, and whether its target is no URI a part could be resolved from at all.
     */
    record Target(String partName, boolean unresolvable) {
    }

    static final String CONTENT_TYPES_PART = "[Content_Types].xml";

    private static final String CONTENT_TYPES_NS = "http://schemas.openxmlformats.org/package/2006/content-types";
    private static final String RELATIONSHIPS_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
    private static final String CORE_PROPERTIES =
            "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties";
    private static final String PACKAGE_ROOT = "/";
    private static final String PACKAGE_RELATIONSHIPS = "/_rels/.rels";

    /** A part of the package: its name as written, its zip entry and its content type. */
    private record Part(String name, ZipArchiveEntry entry, String contentType) {
    }

    private final ZipEntrySource zip;
    private final Map<String, String> defaultTypes = new HashMap<>();
    private final Map<String, String> overrideTypes = new HashMap<>();
    /** The parts by their key ({@link #key}). */
    private final Map<String, Part> parts = new HashMap<>();
    /** The relationships of each part that has some, by the key of the source part, each by id. */
    private final Map<String, NavigableMap<String, Relationship>> relationships = new HashMap<>();

    private XlsxPackage(ZipEntrySource zip) {
        this.zip = zip;
    }

    /** Opens the package, reads its content types and every part's relationships. */
    static XlsxPackage open(Path file) throws IOException, SAXException {
        XlsxPackage pkg = new XlsxPackage(openZip(file));
        try {
            pkg.readParts();
            return pkg;
        } catch (IOException | SAXException | RuntimeException e) {
            pkg.close();
            throw e;
        }
    }

    private static ZipEntrySource openZip(Path file) throws IOException {
        try {
            // what ZipHelper.openZipFile opens, less its check of the first bytes, which FileSniffer made
            return new ZipFileZipEntrySource(new ZipSecureFile(file.toFile()));
        } catch (IOException e) {
            // as POI: a damaged central directory falls back to reading the local entries in order
            InputStream in = Files.newInputStream(file);
            try {
                return new ZipInputStreamZipEntrySource(ZipHelper.openZipStream(in));
            } catch (IOException | RuntimeException streamFailure) {
                in.close();
                streamFailure.addSuppressed(e);
                throw streamFailure;
            }
        }
    }

    private void readParts() throws IOException, SAXException {
        ZipArchiveEntry contentTypes = zip.getEntry(CONTENT_TYPES_PART);
        if (contentTypes == null) {
            throw new IOException("the package has no content types part " + CONTENT_TYPES_PART);
        }
        List<? extends ZipArchiveEntry> entries = Collections.list(zip.getEntries());
        if (entries.size() > ZipSecureFile.getMaxFileCount()) {
            throw new IOException("the package holds " + entries.size() + " entries, more than "
                    + ZipSecureFile.getMaxFileCount());
        }
        try (InputStream in = zip.getInputStream(contentTypes)) {
            XmlParsers.parse(in, new ContentTypesHandler());
        }
        TreeMap<String, ZipArchiveEntry> named = new TreeMap<>();
        for (ZipArchiveEntry entry : entries) {
            String name = entry.getName();
            if (name.startsWith("[trash]") || name.endsWith("/") || CONTENT_TYPES_PART.equalsIgnoreCase(name)) {
                continue;
            }
            String partName = partName(name.startsWith("/") ? name : "/" + name);
            if (partName != null) {
                named.put(partName, entry);
            }
        }
        for (Map.Entry<String, ZipArchiveEntry> entry : named.entrySet()) {
            String partName = entry.getKey();
            String contentType = contentTypeOf(partName);
            if (contentType == null) {
                throw new IOException("the part " + partName + " has no content type");
            }
            if (parts.putIfAbsent(key(partName), new Part(partName, entry.getValue(), contentType)) != null) {
                throw new IOException("the package holds the part " + partName + " twice");
            }
        }
        // as POI's OPCPackage.open, every part's relationships are read now: a broken one refuses the package
        for (String partName : named.keySet()) {
            if (!isRelationshipPart(partName)) {
                Part relationshipPart = parts.get(key(relationshipPartName(partName)));
                if (relationshipPart != null) {
                    relationships.put(key(partName), parseRelationships(partName, relationshipPart));
                }
            }
        }
    }

    /** The relationships of the package itself ({@code /_rels/.rels}), by id. */
    NavigableMap<String, Relationship> packageRelationships() throws IOException, SAXException {
        NavigableMap<String, Relationship> own = relationships.get(key(PACKAGE_ROOT));
        if (own == null) {
            Part part = parts.get(key(PACKAGE_RELATIONSHIPS));
            own = part == null ? new TreeMap<>() : parseRelationships(PACKAGE_ROOT, part);
            relationships.put(key(PACKAGE_ROOT), own);
        }
        return own;
    }

    /** The relationships whose source is {@code partName}, by id (in id order, as POI iterates them). */
    NavigableMap<String, Relationship> relationshipsOf(String partName) {
        return relationships.getOrDefault(key(partName), Collections.emptyNavigableMap());
    }

    /** Whether the package holds the part. */
    boolean hasPart(String partName) {
        return parts.containsKey(key(partName));
    }

    /** The content type of a part of the package, or {@code ""} when there is no such part. */
    String contentType(String partName) {
        Part part = parts.get(key(partName));
        return part == null ? "" : part.contentType();
    }

    /** The names of the parts with a content type, in part-name order. */
    List<String> partsOfType(String contentType) {
        List<String> names = new ArrayList<>();
        for (Part part : parts.values()) {
            if (part.contentType().equals(contentType)) {
                names.add(part.name());
            }
        }
        names.sort((a, b) -> PackagePartName.compare(ascii(a), ascii(b)));
        return names;
    }

    /** The content of a part, inflated under POI's zip-bomb limits; the caller closes it. */
    InputStream open(String partName) throws IOException {
        Part part = parts.get(key(partName));
        if (part == null) {
            throw new IOException("the package has no part " + partName);
        }
        return zip.getInputStream(part.entry());
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }

    private String contentTypeOf(String partName) {
        String override = overrideTypes.get(key(partName));
        if (override != null) {
            return override;
        }
        return defaultTypes.get(extension(partName).toLowerCase(Locale.ROOT));
    }

    private static String extension(String partName) {
        String path;
        try {
            path = new URI(ascii(partName)).getPath();
        } catch (URISyntaxException e) {
            path = partName;
        }
        int dot = path == null ? -1 : path.lastIndexOf('.');
        return dot < 0 ? "" : path.substring(dot + 1);
    }

    private NavigableMap<String, Relationship> parseRelationships(String source, Part part)
            throws IOException, SAXException {
        RelationshipsHandler handler = new RelationshipsHandler(source);
        try (InputStream in = zip.getInputStream(part.entry())) {
            XmlParsers.parse(in, handler);
        }
        return handler.relationships;
    }

    /** The name of the part holding the relationships of a part: {@code /xl/workbook.xml} → {@code /xl/_rels/workbook.xml.rels}. */
    static String relationshipPartName(String partName) {
        int slash = partName.lastIndexOf('/');
        return partName.substring(0, slash + 1) + "_rels/" + partName.substring(slash + 1) + ".rels";
    }

    private static boolean isRelationshipPart(String partName) {
        return partName.contains("/_rels/") && partName.endsWith(".rels");
    }

    /**
     * The key a part is found by: OPC part names are equal when their ASCII forms are equal ignoring
     * case ({@code /XL/Workbook.xml} is {@code /xl/workbook.xml}).
     */
    static String key(String partName) {
        return ascii(partName.replace('\\', '/')).toLowerCase(Locale.ROOT);
    }

    /** A URI string with its non-ASCII characters percent-encoded as UTF-8, as {@link URI#toASCIIString()} writes them. */
    private static String ascii(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) >= 0x80) {
                return encode(value, false);
            }
        }
        return value;
    }

    /** Percent-encodes the UTF-8 bytes of non-ASCII characters, and of whitespace too when {@code whitespace}. */
    private static String encode(String value, boolean whitespace) {
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 0x80 || (whitespace && Character.isWhitespace(c))) {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            } else {
                out.append((char) c);
            }
        }
        return out.toString();
    }

    /**
     * A relationship target or part name as POI's {@code PackagingURIHelper.toURI} reads it: back
     * slashes as slashes, the fragment and trailing white space percent-encoded.
     */
    private static URI toUri(String value) throws URISyntaxException {
        String uri = value.replace('\\', '/');
        int fragment = uri.indexOf('#');
        if (fragment >= 0) {
            uri = uri.substring(0, fragment) + "#" + encode(uri.substring(fragment + 1), true);
        }
        int end = uri.length();
        while (end > 0 && (Character.isWhitespace(uri.charAt(end - 1)) || uri.charAt(end - 1) == '\u00A0')) {
            end--;
        }
        if (end < uri.length()) {
            uri = uri.substring(0, end) + encode(uri.substring(end), true);
        }
        return new URI(uri);
    }

    /** A valid part name as written, or {@code null} when it breaks OPC's rules for part names, as POI skips such entries. */
    private static String partName(String name) {
        try {
            URI uri = toUri(name);
            return isValidPartName(uri) ? uri.toString() : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    /** OPC's rules for part names [M1.1]–[M1.8]: absolute path, no empty segment, no segment ending in a dot. */
    private static boolean isValidPartName(URI uri) {
        if (uri.isAbsolute() || uri.getRawFragment() != null || uri.getRawQuery() != null) {
            return false;
        }
        String name = uri.toASCIIString();
        if (name.length() <= 1 || !name.startsWith("/") || name.endsWith("/") || name.contains("//")) {
            return false;
        }
        for (String segment : name.substring(1).split("/")) {
            if (segment.endsWith(".") || !isValidSegment(segment)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isValidSegment(String segment) {
        for (int i = segment.indexOf('%'); i >= 0; i = segment.indexOf('%', i + 1)) {
            if (i + 2 >= segment.length()) {
                return false;
            }
            int c = Character.digit(segment.charAt(i + 1), 16) * 16 + Character.digit(segment.charAt(i + 2), 16);
            boolean unreserved = Character.isLetterOrDigit(c) && c < 0x80 || c == '-' || c == '.' || c == '_' || c == '~';
            if (c == '/' || c == '\\' || unreserved) {
                return false;
            }
        }
        return true;
    }

    /** Where a target of a relationship of {@code source} points, as POI's {@code PackageRelationship.getTargetURI} resolves it. */
    private static Target resolve(String source, String target, boolean external) {
        URI uri;
        try {
            uri = toUri(target);
        } catch (URISyntaxException e) {
            return new Target(null, true);
        }
        if (external) {
            return new Target(isValidPartName(uri) ? uri.toString() : null, false);
        }
        if (!uri.toASCIIString().startsWith("/")) {
            if (uri.isAbsolute()) {
                return new Target(null, true);
            }
            try {
                uri = toUri(source).resolve(uri);
            } catch (URISyntaxException e) {
                return new Target(null, true);
            }
        }
        return new Target(isValidPartName(uri) ? uri.toString() : null, false);
    }

    /** {@code [Content_Types].xml}: the content type of each extension and of each named part. */
    private final class ContentTypesHandler extends DefaultHandler {

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) throws SAXException {
            if (!CONTENT_TYPES_NS.equals(uri)) {
                return;
            }
            String contentType = value(attributes, "ContentType");
            if ("Default".equals(localName)) {
                defaultTypes.put(value(attributes, "Extension").toLowerCase(Locale.ROOT), contentType);
            } else if ("Override".equals(localName)) {
                String partName = value(attributes, "PartName");
                URI name;
                try {
                    name = new URI(partName);
                } catch (URISyntaxException e) {
                    throw new SAXException("content type for part '" + partName + "', which is no URI", e);
                }
                if (!isValidPartName(name)) {
                    throw new SAXException("content type for '" + partName + "', which is no valid part name");
                }
                overrideTypes.put(key(name.toString()), contentType);
            }
        }
    }

    /** A {@code .rels} part: its relationships, by id; a later one with the same id replaces an earlier one, as in POI. */
    private static final class RelationshipsHandler extends DefaultHandler {

        private final String source;
        private final NavigableMap<String, Relationship> relationships = new TreeMap<>();
        private boolean coreProperties;
        private int generatedId;

        RelationshipsHandler(String source) {
            this.source = source;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) throws SAXException {
            if (!RELATIONSHIPS_NS.equals(uri) || !"Relationship".equals(localName)) {
                return;
            }
            String id = value(attributes, "Id");
            String type = value(attributes, "Type");
            if (CORE_PROPERTIES.equals(type)) {
                if (coreProperties) {
                    throw new SAXException("more than one core properties relationship [M4.1]");
                }
                coreProperties = true;
            }
            String mode = attributes.getValue("TargetMode");
            boolean external = mode != null && !"internal".equals(mode.toLowerCase(Locale.ROOT));
            if (id.isEmpty()) {
                // as POI: an unnamed relationship gets the first free rIdN from the count so far
                if (generatedId == 0) {
                    generatedId = relationships.size() + 1;
                }
                do {
                    id = "rId" + generatedId++;
                } while (relationships.containsKey(id));
            }
            relationships.put(id, new Relationship(id, type, resolve(source, value(attributes, "Target"), external)));
        }
    }

    /** An unqualified attribute's value, or {@code ""} when absent, as DOM's {@code getAttribute} returns it. */
    private static String value(Attributes attributes, String name) {
        String value = attributes.getValue("", name);
        return value == null ? "" : value;
    }
}
