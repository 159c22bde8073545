package jp.evalsheet.feedback;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.io.channels.ByteArraySeekableByteChannel;
import org.apache.poi.ss.util.CellRangeAddress;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * An .xlsx package opened for editing at the zip level: how SpreadsheetML is packaged, and nothing of
 * what an edit is for (the feedback's fills, comments and findings sheet are
 * {@code XlsxPackageFeedback}'s). It checks the package when it opens it (no two parts of one name, no
 * encrypted part, a plain transitional workbook) and resolves the office document, its relationships
 * and its sheets; it reads a part into memory only when asked, refusing one that inflates like a zip
 * bomb, and parses the parts an edit changes into DOM documents ({@link PackageXml}); it adds parts
 * with their content types and relationships, holds the schema's sequences that place new elements,
 * and writes the package out: every part that did not change as its compressed bytes, the changed ones
 * rewritten, the added ones after them. What it does not handle with certainty it refuses with a
 * {@link PackageFallback}, before anything is written.
 */
final class XlsxPackageEditor implements Closeable {

    static final String OFFICE_DOCUMENT =
            "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument";
    private static final String STRICT_OFFICE_DOCUMENT =
            "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument";
    static final String WORKSHEET = PackageXml.REL_NS + "/worksheet";
    static final String STYLES = PackageXml.REL_NS + "/styles";
    private static final String CALC_CHAIN = PackageXml.REL_NS + "/calcChain";

    static final String WORKBOOK_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";
    static final String WORKSHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";

    static final String CONTENT_TYPES = "[Content_Types].xml";

    /** CT_Workbook's sequence. */
    static final List<String> WORKBOOK_ORDER = List.of("fileVersion", "fileSharing", "workbookPr",
            "workbookProtection", "bookViews", "sheets", "functionGroups", "externalReferences", "definedNames",
            "calcPr", "oleSize", "customWorkbookViews", "pivotCaches", "smartTagPr", "smartTagTypes", "webPublishing",
            "fileRecoveryPr", "webPublishObjects", "extLst");

    /** CT_Worksheet's sequence. */
    static final List<String> WORKSHEET_ORDER = List.of("sheetPr", "dimension", "sheetViews",
            "sheetFormatPr", "cols", "sheetData", "sheetCalcPr", "sheetProtection", "protectedRanges", "scenarios",
            "autoFilter", "sortState", "dataConsolidate", "customSheetViews", "mergeCells", "phoneticPr",
            "conditionalFormatting", "dataValidations", "hyperlinks", "printOptions", "pageMargins", "pageSetup",
            "headerFooter", "rowBreaks", "colBreaks", "customProperties", "cellWatches", "ignoredErrors", "smartTags",
            "drawing", "legacyDrawing", "legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls",
            "webPublishItems", "tableParts", "extLst");

    /** CT_SheetPr's sequence. */
    static final List<String> SHEET_PR_ORDER = List.of("tabColor", "outlinePr", "pageSetUpPr");

    /**
     * The largest part the editor reads into memory, the whole of {@link CopyBudget#MAX_BYTES}: a part
     * that inflates beyond it stated a smaller size in the zip directory than it has.
     */
    static final int MAX_PART_BYTES = (int) CopyBudget.MAX_BYTES;
    /** Inflation beyond this ratio, past {@link #MIN_BOMB_BYTES}, is taken for a zip bomb, as POI's 1 % limit does. */
    static final int MAX_INFLATION = 100;
    private static final int MIN_BOMB_BYTES = 1 << 20;

    /**
     * How hard the parts this class writes are deflated: the fastest level. A feedback workbook is
     * written once and opened by one department, so a few percent more bytes cost nothing, while the
     * default level took a sixth of the feedback step's time in a profile of 10,770 files.
     */
    static final int DEFLATE_LEVEL = Deflater.BEST_SPEED;

    /** The buffer a package is written through: a feedback workbook is tens of KB. */
    private static final int BUFFER = 64 * 1024;

    /** A part of the package the editor has parsed, written back when changed. */
    static final class Part {

        private final String name;
        private final Document document;
        private boolean changed;

        private Part(String name, Document document) {
            this.name = name;
            this.document = document;
        }

        String name() {
            return name;
        }

        Document document() {
            return document;
        }

        Element root() {
            return document.getDocumentElement();
        }

        /** Has the part written back when the package is: call it when the document is edited. */
        void markChanged() {
            changed = true;
        }
    }

    /**
     * A sheet of the workbook, in tab order.
     *
     * @param relationshipType the type of the workbook's relationship to it (worksheet, chartsheet...)
     * @param part its part's zip entry name
     */
    record Sheet(String name, String relationshipType, String part) {

        /** Whether it is a worksheet (not a chartsheet, a dialog sheet or a macro sheet). */
        boolean isWorksheet() {
            return WORKSHEET.equals(relationshipType);
        }
    }

    private final ZipFile zip;
    private final Map<String, ZipArchiveEntry> entries = new LinkedHashMap<>();
    private final Set<String> lowerCaseNames = new HashSet<>();
    private final Map<String, Part> parts = new HashMap<>();
    private final Map<String, byte[]> added = new LinkedHashMap<>();
    private final Set<String> dropped = new HashSet<>();
    private long time = -1;

    private Part contentTypes;
    private String workbookName;
    private Part workbook;
    private Part workbookRelationships;
    private Element sheetsElement;
    private final List<Sheet> sheets = new ArrayList<>();
    private int maxSheetId;

    private XlsxPackageEditor(ZipFile zip) throws PackageFallback {
        this.zip = zip;
        for (ZipArchiveEntry entry : Collections.list(zip.getEntriesInPhysicalOrder())) {
            String name = entry.getName();
            if (entries.put(name, entry) != null || !lowerCaseNames.add(name.toLowerCase(Locale.ROOT))) {
                throw new PackageFallback("the package has two parts named " + name);
            }
            if (entry.getGeneralPurposeBit().usesEncryption() || !zip.canReadEntryData(entry)) {
                throw new PackageFallback("the part " + name + " is encrypted or compressed in an unsupported way");
            }
        }
    }

    /**
     * The package {@code file}, opened for editing, to be closed.
     *
     * @throws PackageFallback when the package is not one the editor handles with certainty
     */
    static XlsxPackageEditor open(Path file) throws IOException, PackageFallback {
        return open(ZipFile.builder().setPath(file).get());
    }

    /**
     * The package of {@code parts} (each part's name to its bytes, as {@link NewXlsxPackage} makes
     * them), zipped in memory and opened for editing, to be closed.
     *
     * @throws PackageFallback when the package is not one the editor handles with certainty
     */
    static XlsxPackageEditor open(Map<String, byte[]> parts) throws IOException, PackageFallback {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(16 * 1024);
        zip(parts, bytes);
        return open(ZipFile.builder().setSeekableByteChannel(ByteArraySeekableByteChannel.wrap(bytes.toByteArray()))
                .get());
    }

    private static XlsxPackageEditor open(ZipFile zip) throws IOException, PackageFallback {
        boolean opened = false;
        try {
            XlsxPackageEditor editor = new XlsxPackageEditor(zip);
            editor.readWorkbook();
            opened = true;
            return editor;
        } finally {
            if (!opened) {
                zip.close();
            }
        }
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }

    // ---- the workbook -----------------------------------------------------------------------------

    private void readWorkbook() throws IOException, PackageFallback {
        contentTypes = part(CONTENT_TYPES);
        if (!PackageXml.CONTENT_TYPES_NS.equals(contentTypes.root().getNamespaceURI())) {
            throw new PackageFallback("[Content_Types].xml is not a content types part");
        }
        workbookName = workbookPartName();
        if (!WORKBOOK_TYPE.equals(overrideType(workbookName))) {
            throw new PackageFallback("the workbook is not a plain .xlsx workbook (macro-enabled, template or other)");
        }
        ZipArchiveEntry workbookEntry = entries.get(workbookName);
        time = workbookEntry == null ? -1 : workbookEntry.getTime();
        workbook = part(workbookName);
        if (!PackageXml.MAIN_NS.equals(workbook.root().getNamespaceURI())) {
            throw new PackageFallback("the workbook is not transitional SpreadsheetML (strict OOXML or other)");
        }
        workbookRelationships = relationships(workbookName);
        Map<String, Element> relationshipsById = new HashMap<>();
        for (Element relationship : relationshipList(workbookRelationships)) {
            relationshipsById.put(relationship.getAttribute("Id"), relationship);
        }

        sheetsElement = PackageXml.child(workbook.root(), PackageXml.MAIN_NS, "sheets");
        if (sheetsElement == null) {
            throw new PackageFallback("the workbook has no sheets");
        }
        Set<String> names = new HashSet<>();
        for (Element sheet : PackageXml.children(sheetsElement, PackageXml.MAIN_NS, "sheet")) {
            String name = sheet.getAttribute("name");
            Element relationship = relationshipsById.get(sheet.getAttributeNS(PackageXml.REL_NS, "id"));
            if (relationship == null || isExternal(relationship) || !names.add(name)) {
                throw new PackageFallback("the sheet " + name + " has no part or its name is taken twice");
            }
            sheets.add(new Sheet(name, relationship.getAttribute("Type"),
                    resolve(workbookName, relationship.getAttribute("Target"))));
            try {
                maxSheetId = Math.max(maxSheetId, Integer.parseInt(sheet.getAttribute("sheetId")));
            } catch (NumberFormatException e) {
                throw new PackageFallback("the sheet " + name + " has no numeric sheetId");
            }
        }
    }

    private String workbookPartName() throws IOException, PackageFallback {
        String name = null;
        for (Element relationship : relationshipList(part("_rels/.rels"))) {
            String type = relationship.getAttribute("Type");
            if (STRICT_OFFICE_DOCUMENT.equals(type)) {
                throw new PackageFallback("the package is strict OOXML");
            }
            if (OFFICE_DOCUMENT.equals(type) && !isExternal(relationship)) {
                if (name != null) {
                    throw new PackageFallback("the package has two office documents");
                }
                name = resolve("", relationship.getAttribute("Target"));
            }
        }
        if (name == null) {
            throw new PackageFallback("the package has no office document");
        }
        return name;
    }

    /** The workbook part. */
    Part workbook() {
        return workbook;
    }

    /** The workbook's sheets, in tab order. */
    List<Sheet> sheets() {
        return Collections.unmodifiableList(sheets);
    }

    /** The workbook's styles part. */
    Part styles() throws IOException, PackageFallback {
        Part styles = null;
        for (Element relationship : relationshipList(workbookRelationships)) {
            if (STYLES.equals(relationship.getAttribute("Type")) && !isExternal(relationship)) {
                styles = part(resolve(workbookName, relationship.getAttribute("Target")));
            }
        }
        if (styles == null) {
            throw new PackageFallback("the workbook has no styles part");
        }
        return styles;
    }

    /**
     * Adds the worksheet {@code xml} as a new part and makes it the workbook's first sheet, called
     * {@code name}: its content type, its relationship, its {@code <sheet>} (with the next sheetId)
     * first in {@code <sheets>}, and each defined name local to a sheet moved on by one, so that it
     * still names its sheet.
     */
    void addFirstSheet(String name, byte[] xml) throws PackageFallback {
        String partName = addPart("xl/worksheets/sheet", ".xml", xml);
        addOverride(partName, WORKSHEET_TYPE);
        String relationshipId = addRelationship(workbookRelationships, WORKSHEET, partName);

        Element root = workbook.root();
        String prefix = PackageXml.prefixFor(root, PackageXml.REL_NS, "r");
        Element sheet = PackageXml.create(root, "sheet");
        sheet.setAttribute("name", name);
        sheet.setAttribute("sheetId", Integer.toString(maxSheetId + 1));
        sheet.setAttributeNS(PackageXml.REL_NS, prefix + ":id", relationshipId);
        sheetsElement.insertBefore(sheet, sheetsElement.getFirstChild());

        Element definedNames = PackageXml.child(root, PackageXml.MAIN_NS, "definedNames");
        if (definedNames != null) {
            for (Element definedName : PackageXml.children(definedNames, PackageXml.MAIN_NS, "definedName")) {
                if (definedName.hasAttribute("localSheetId")) {
                    try {
                        definedName.setAttribute("localSheetId",
                                Integer.toString(Integer.parseInt(definedName.getAttribute("localSheetId")) + 1));
                    } catch (NumberFormatException e) {
                        throw new PackageFallback("the defined name " + definedName.getAttribute("name")
                                + " has no numeric localSheetId");
                    }
                }
            }
        }
        workbook.markChanged();
    }

    /** Drops the calculation chain, which Excel rebuilds: a stale one makes it repair the file. */
    void dropCalcChain() throws PackageFallback {
        for (Element relationship : relationshipList(workbookRelationships)) {
            if (CALC_CHAIN.equals(relationship.getAttribute("Type")) && !isExternal(relationship)) {
                String partName = resolve(workbookName, relationship.getAttribute("Target"));
                relationship.getParentNode().removeChild(relationship);
                workbookRelationships.markChanged();
                dropped.add(partName);
                for (Element override : PackageXml.children(contentTypes.root(), PackageXml.CONTENT_TYPES_NS,
                        "Override")) {
                    if (override.getAttribute("PartName").equalsIgnoreCase("/" + partName)) {
                        override.getParentNode().removeChild(override);
                        contentTypes.markChanged();
                    }
                }
            }
        }
    }

    // ---- worksheets -------------------------------------------------------------------------------

    /**
     * The worksheet part {@code partName}, parsed: a transitional worksheet each of whose elements is
     * one {@link #WORKSHEET_ORDER} places.
     */
    Part worksheet(String partName) throws IOException, PackageFallback {
        Part sheet = part(partName);
        Element root = sheet.root();
        if (!PackageXml.MAIN_NS.equals(root.getNamespaceURI()) || !"worksheet".equals(root.getLocalName())) {
            throw new PackageFallback(partName + " is not a transitional worksheet");
        }
        for (Element child : PackageXml.elements(root)) {
            if (!PackageXml.MAIN_NS.equals(child.getNamespaceURI()) || !WORKSHEET_ORDER.contains(child.getLocalName())) {
                throw new PackageFallback(partName + " has an element the fast path does not place: "
                        + child.getTagName());
            }
        }
        return sheet;
    }

    /** The merged regions of the worksheet {@code sheet}. */
    static List<CellRangeAddress> merges(Part sheet) throws PackageFallback {
        List<CellRangeAddress> merges = new ArrayList<>();
        Element mergeCells = PackageXml.child(sheet.root(), PackageXml.MAIN_NS, "mergeCells");
        if (mergeCells != null) {
            for (Element merge : PackageXml.children(mergeCells, PackageXml.MAIN_NS, "mergeCell")) {
                try {
                    merges.add(CellRangeAddress.valueOf(merge.getAttribute("ref")));
                } catch (RuntimeException e) {
                    throw new PackageFallback(sheet.name + " has an unreadable merged region "
                            + merge.getAttribute("ref"));
                }
            }
        }
        return merges;
    }

    // ---- parts ------------------------------------------------------------------------------------

    /** The names of the package's parts, as opened. */
    Set<String> partNames() {
        return Collections.unmodifiableSet(entries.keySet());
    }

    private byte[] bytes(String name) throws IOException, PackageFallback {
        ZipArchiveEntry entry = entries.get(name);
        if (entry == null) {
            throw new PackageFallback("the package has no part " + name);
        }
        try (InputStream in = zip.getInputStream(entry)) {
            byte[] data = in.readNBytes(MAX_PART_BYTES + 1);
            long compressed = Math.max(entry.getCompressedSize(), 1);
            if (data.length > MAX_PART_BYTES || (data.length > MIN_BOMB_BYTES && data.length > compressed * MAX_INFLATION)) {
                // POI's own zip-bomb check then decides what the file is worth
                throw new PackageFallback("the part " + name + " inflates to more than " + MAX_INFLATION
                        + " times its size or beyond " + (MAX_PART_BYTES >> 20) + " MiB (a possible zip bomb)");
            }
            return data;
        }
    }

    /** The part {@code name}, parsed. */
    private Part part(String name) throws IOException, PackageFallback {
        Part part = parts.get(name);
        if (part == null) {
            part = new Part(name, PackageXml.parse(bytes(name)));
            parts.put(name, part);
        }
        return part;
    }

    /**
     * The part {@code name}, parsed, when it already is or when its bytes, read as ISO-8859-1, hold
     * {@code pattern}; otherwise {@code null}, and the part is left as it is without being parsed.
     */
    Part partIfFound(String name, Pattern pattern) throws IOException, PackageFallback {
        Part part = parts.get(name);
        if (part == null) {
            byte[] xml = bytes(name);
            if (!pattern.matcher(new String(xml, StandardCharsets.ISO_8859_1)).find()) {
                return null;
            }
            part = new Part(name, PackageXml.parse(xml));
            parts.put(name, part);
        }
        return part;
    }

    /**
     * Adds the part {@code prefix + n + suffix}, n the first number from 1 that names no part, holding
     * {@code content}; its name. Its content type is declared apart ({@link #addOverride}, {@link #addDefault}).
     */
    String addPart(String prefix, String suffix, byte[] content) {
        for (int n = 1; ; n++) {
            String name = prefix + n + suffix;
            if (lowerCaseNames.add(name.toLowerCase(Locale.ROOT))) {
                added.put(name, content);
                return name;
            }
        }
    }

    // ---- relationships ----------------------------------------------------------------------------

    /** The relationships part of {@code partName}, created empty when the package has none. */
    Part relationships(String partName) throws IOException, PackageFallback {
        String name = relationshipsName(partName);
        if (entries.containsKey(name) || parts.containsKey(name)) {
            return part(name);
        }
        Part part = new Part(name, PackageXml.parse(("<Relationships xmlns=\"" + PackageXml.PACKAGE_REL_NS
                + "\"/>").getBytes(StandardCharsets.UTF_8)));
        part.markChanged();
        parts.put(name, part);
        return part;
    }

    private static String relationshipsName(String partName) {
        int slash = partName.lastIndexOf('/');
        return partName.substring(0, slash + 1) + "_rels/" + partName.substring(slash + 1) + ".rels";
    }

    /** The part a relationship of {@code source} points at: its zip entry name. */
    private static String resolve(String source, String target) throws PackageFallback {
        try {
            URI base = new URI("/" + source);
            String resolved = base.resolve(new URI(null, null, target, null)).getPath();
            return resolved.startsWith("/") ? resolved.substring(1) : resolved;
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new PackageFallback("a relationship of " + source + " has an unreadable target " + target);
        }
    }

    /** The {@code <Relationship>} elements of a relationships part, in order. */
    static List<Element> relationshipList(Part relationships) throws PackageFallback {
        Element root = relationships.root();
        if (!PackageXml.PACKAGE_REL_NS.equals(root.getNamespaceURI())) {
            throw new PackageFallback(relationships.name + " is not a relationships part");
        }
        return PackageXml.children(root, PackageXml.PACKAGE_REL_NS, "Relationship");
    }

    private static boolean isExternal(Element relationship) {
        return "External".equals(relationship.getAttribute("TargetMode"));
    }

    private static String newRelationshipId(Part relationships) throws PackageFallback {
        Set<String> ids = new HashSet<>();
        for (Element relationship : relationshipList(relationships)) {
            ids.add(relationship.getAttribute("Id"));
        }
        for (int n = ids.size() + 1; ; n++) {
            if (!ids.contains("rId" + n)) {
                return "rId" + n;
            }
        }
    }

    /** Adds a relationship of {@code type} to the part {@code targetPart}; its id. */
    static String addRelationship(Part relationships, String type, String targetPart) throws PackageFallback {
        String id = newRelationshipId(relationships);
        Element relationship = relationships.document.createElementNS(PackageXml.PACKAGE_REL_NS, "Relationship");
        relationship.setAttribute("Id", id);
        relationship.setAttribute("Type", type);
        // an absolute target needs no path arithmetic, and Excel reads it
        relationship.setAttribute("Target", "/" + targetPart);
        relationships.root().appendChild(relationship);
        relationships.markChanged();
        return id;
    }

    // ---- content types ----------------------------------------------------------------------------

    private String overrideType(String partName) {
        for (Element override : PackageXml.children(contentTypes.root(), PackageXml.CONTENT_TYPES_NS, "Override")) {
            if (override.getAttribute("PartName").equalsIgnoreCase("/" + partName)) {
                return override.getAttribute("ContentType");
            }
        }
        return null;
    }

    /** Declares the content type of {@code partName} by an override. */
    void addOverride(String partName, String type) {
        Element override = PackageXml.create(contentTypes.root(), "Override");
        override.setAttribute("PartName", "/" + partName);
        override.setAttribute("ContentType", type);
        contentTypes.root().appendChild(override);
        contentTypes.markChanged();
    }

    /**
     * Declares the content type of {@code partName} by the default of its extension: added when the
     * package has none for it, an override when the package's is another type.
     */
    void addDefault(String partName, String type) {
        String extension = partName.substring(partName.lastIndexOf('.') + 1);
        for (Element existing : PackageXml.children(contentTypes.root(), PackageXml.CONTENT_TYPES_NS, "Default")) {
            if (existing.getAttribute("Extension").equalsIgnoreCase(extension)) {
                if (!type.equals(existing.getAttribute("ContentType"))) {
                    addOverride(partName, type);
                }
                return;
            }
        }
        Element added = PackageXml.create(contentTypes.root(), "Default");
        added.setAttribute("Extension", extension);
        added.setAttribute("ContentType", type);
        contentTypes.root().insertBefore(added, contentTypes.root().getFirstChild());
        contentTypes.markChanged();
    }

    // ---- writing ----------------------------------------------------------------------------------

    /**
     * Writes the edited package to {@code file}: assembled in memory (the zip format goes back to
     * each entry's header once its data is written, which on a file is a system call each time),
     * then written in one piece. A part that did not change is copied as its compressed bytes; a
     * changed or added one is deflated, dated as the workbook part.
     */
    void writeTo(Path file) throws IOException {
        InMemoryChannel bytes = new InMemoryChannel(BUFFER);
        try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(bytes)) {
            out.setLevel(DEFLATE_LEVEL);
            for (ZipArchiveEntry entry : entries.values()) {
                String name = entry.getName();
                if (dropped.contains(name)) {
                    continue;
                }
                Part part = parts.get(name);
                if (part != null && part.changed) {
                    put(out, name, PackageXml.write(part.document), time);
                } else {
                    out.addRawArchiveEntry(entry, zip.getRawInputStream(entry));
                }
            }
            for (Part part : parts.values()) {
                if (part.changed && !entries.containsKey(part.name)) {
                    put(out, part.name, PackageXml.write(part.document), time);
                }
            }
            for (Map.Entry<String, byte[]> part : added.entrySet()) {
                put(out, part.getKey(), part.getValue(), time);
            }
            out.finish();
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            bytes.writeTo(out); // without a copy of the whole package
        }
    }

    /** Writes {@code parts} (each part's name to its bytes) to {@code file} as a zip archive, each deflated. */
    static void zip(Map<String, byte[]> parts, Path file) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), BUFFER)) {
            zip(parts, out);
        }
    }

    /** Writes {@code parts} (each part's name to its bytes) as a zip archive, each deflated. */
    static void zip(Map<String, byte[]> parts, OutputStream file) throws IOException {
        try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(file)) {
            out.setLevel(DEFLATE_LEVEL);
            for (Map.Entry<String, byte[]> part : parts.entrySet()) {
                put(out, part.getKey(), part.getValue(), -1);
            }
            out.finish();
        }
    }

    /** Writes a deflated entry, dated {@code time} unless it is negative (then now). */
    private static void put(ZipArchiveOutputStream out, String name, byte[] bytes, long time) throws IOException {
        ZipArchiveEntry entry = new ZipArchiveEntry(name);
        entry.setMethod(ZipEntry.DEFLATED);
        if (time >= 0) {
            entry.setTime(time);
        }
        out.putArchiveEntry(entry);
        out.write(bytes);
        out.closeArchiveEntry();
    }
}
