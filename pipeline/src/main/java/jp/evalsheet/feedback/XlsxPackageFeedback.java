package jp.evalsheet.feedback;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
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
import org.apache.poi.ss.util.CellReference;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import jp.evalsheet.feedback.FindingsLayout.CellKey;
import jp.evalsheet.feedback.FindingsLayout.CommentAnchor;
import jp.evalsheet.feedback.FindingsLayout.Marks;

/**
 * Writes the feedback workbook of an .xlsx submission at the zip level: the submission's package is
 * copied part by part, every part that does not change as its compressed bytes, and only what must
 * change is rewritten (the workbook, its relationships, the styles, the content types, the sheets
 * that are marked or were selected), with the findings sheet, comments and their legacy VML drawings
 * added as parts of their own. The result reads as {@link FeedbackWorkbookWriter}'s POI path writes
 * it. Whatever this class does not handle with certainty it refuses with a {@link PackageFallback},
 * before writing anything.
 */
final class XlsxPackageFeedback {

    private static final String OFFICE_DOCUMENT =
            "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument";
    private static final String STRICT_OFFICE_DOCUMENT =
            "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument";
    private static final String WORKSHEET = PackageXml.REL_NS + "/worksheet";
    private static final String STYLES = PackageXml.REL_NS + "/styles";
    private static final String COMMENTS = PackageXml.REL_NS + "/comments";
    private static final String VML_DRAWING = PackageXml.REL_NS + "/vmlDrawing";
    private static final String CALC_CHAIN = PackageXml.REL_NS + "/calcChain";

    private static final String WORKBOOK_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";
    private static final String WORKSHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
    private static final String COMMENTS_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml";
    private static final String VML_TYPE = "application/vnd.openxmlformats-officedocument.vmlDrawing";

    private static final String CONTENT_TYPES = "[Content_Types].xml";
    static final String XML_DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

    /** The cellXfs index of the wrapping, top-aligned format of {@link #newStyles newStyles(true)}. */
    static final int WRAP_TOP_FORMAT = 1;

    /** CT_Workbook's sequence. */
    private static final List<String> WORKBOOK_ORDER = List.of("fileVersion", "fileSharing", "workbookPr",
            "workbookProtection", "bookViews", "sheets", "functionGroups", "externalReferences", "definedNames",
            "calcPr", "oleSize", "customWorkbookViews", "pivotCaches", "smartTagPr", "smartTagTypes", "webPublishing",
            "fileRecoveryPr", "webPublishObjects", "extLst");

    /** CT_Worksheet's sequence. */
    private static final List<String> WORKSHEET_ORDER = List.of("sheetPr", "dimension", "sheetViews",
            "sheetFormatPr", "cols", "sheetData", "sheetCalcPr", "sheetProtection", "protectedRanges", "scenarios",
            "autoFilter", "sortState", "dataConsolidate", "customSheetViews", "mergeCells", "phoneticPr",
            "conditionalFormatting", "dataValidations", "hyperlinks", "printOptions", "pageMargins", "pageSetup",
            "headerFooter", "rowBreaks", "colBreaks", "customProperties", "cellWatches", "ignoredErrors", "smartTags",
            "drawing", "legacyDrawing", "legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls",
            "webPublishItems", "tableParts", "extLst");

    /** CT_SheetPr's sequence. */
    private static final List<String> SHEET_PR_ORDER = List.of("tabColor", "outlinePr", "pageSetUpPr");

    private static final Pattern SELECTED = Pattern.compile("tabSelected\\s*=\\s*[\"'](?:1|true)[\"']");

    /**
     * The largest part the edit reads into memory, the whole of {@link CopyBudget#MAX_BYTES}: a part
     * that inflates beyond it stated a smaller size in the zip directory than it has.
     */
    static final int MAX_PART_BYTES = (int) CopyBudget.MAX_BYTES;
    /** Inflation beyond this ratio, past {@link #MIN_BOMB_BYTES}, is taken for a zip bomb, as POI's 1 % limit does. */
    static final int MAX_INFLATION = 100;
    private static final int MIN_BOMB_BYTES = 1 << 20;

    /** Shapes per block of VML shape ids ({@code o:idmap}). */
    private static final int SHAPES_PER_BLOCK = 1024;

    private XlsxPackageFeedback() {
    }

    /**
     * Writes the feedback workbook of {@code submission} to {@code target}, replacing it, its comments by
     * {@code author}.
     *
     * @throws PackageFallback when the package is not one this class handles with certainty;
     *     nothing has been written then
     */
    static void write(Path submission, String title, List<FeedbackItem> items, String author, Path target)
            throws IOException, PackageFallback {
        try (ZipFile zip = ZipFile.builder().setPath(submission).get()) {
            write(zip, null, title, items, author, target);
        }
    }

    /**
     * Writes the feedback workbook of the package {@code zip} to {@code target}, replacing it.
     *
     * @param sheetNames the submission's sheet names, in tab order, each to the name of its sheet in
     *     {@code zip}, for a package made from a submission whose sheets had to be renamed (a CSV, an .xls);
     *     {@code null} when the package is the submission
     * @param author who the comments are by
     * @throws PackageFallback when the package is not one this class handles with certainty;
     *     nothing has been written then
     */
    static void write(ZipFile zip, Map<String, String> sheetNames, String title, List<FeedbackItem> items, String author,
            Path target) throws IOException, PackageFallback {
        Edit edit = new Edit(zip, sheetNames, author);
        edit.prepare(title, items);
        FeedbackFiles.replace(target, edit::writeTo);
    }

    /**
     * Writes a feedback workbook of the findings sheet alone, for a submission without findings, as
     * a package of its own: the workbook, its styles and the sheet.
     */
    static void writeFindingsOnly(String title, List<FeedbackItem> items, Path target) throws IOException {
        PackageStyles styles;
        try {
            styles = new PackageStyles(PackageXml.parse(newStyles(false).getBytes(StandardCharsets.UTF_8)));
        } catch (PackageFallback e) {
            throw new IllegalStateException("the default styles are not a styleSheet", e);
        }
        SubmissionCopy none = new SubmissionCopy(null, Map.of(), null);
        FindingsSheetXml findings = new FindingsSheetXml(styles);
        byte[] sheet = findings.write(title, FindingsLayout.sorted(items, none), none, false);
        styles.finish();
        String quoted = SheetNames.quoted(FindingsLayout.FINDINGS_SHEET);
        StringBuilder workbook = new StringBuilder(1024).append(XML_DECLARATION)
                .append("<workbook xmlns=\"").append(PackageXml.MAIN_NS).append("\" xmlns:r=\"").append(PackageXml.REL_NS)
                .append("\"><bookViews><workbookView activeTab=\"0\"/></bookViews><sheets><sheet name=\"");
        PackageXml.escape(FindingsLayout.FINDINGS_SHEET, true, workbook);
        workbook.append("\" sheetId=\"1\" r:id=\"rId1\"/></sheets><definedNames>")
                .append("<definedName name=\"_xlnm._FilterDatabase\" localSheetId=\"0\" hidden=\"1\">");
        PackageXml.escape(quoted + "!" + FindingsSheetXml.tableRange(findings.lastRow(), true), false, workbook);
        workbook.append("</definedName><definedName name=\"_xlnm.Print_Titles\" localSheetId=\"0\">");
        PackageXml.escape(FindingsSheetXml.printTitles(quoted), false, workbook);
        workbook.append("</definedName></definedNames></workbook>");

        Map<String, byte[]> parts = newPackage(workbook.toString(), PackageXml.write(styles.document()), List.of(sheet));
        FeedbackFiles.replace(target, file -> {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), BUFFER)) {
                zip(parts, out);
            }
        });
    }

    /**
     * The parts of a new package: the content types, the package's and the workbook's relationships,
     * {@code workbook} as {@code xl/workbook.xml}, whose sheets' relationships are {@code rId1},
     * {@code rId2}... in the order of {@code sheets}, which become {@code xl/worksheets/sheet1.xml},
     * {@code sheet2.xml}..., and {@code styles}.
     */
    static Map<String, byte[]> newPackage(String workbook, byte[] styles, List<byte[]> sheets) {
        StringBuilder types = new StringBuilder(1024).append(XML_DECLARATION)
                .append("<Types xmlns=\"").append(PackageXml.CONTENT_TYPES_NS).append("\">")
                .append("<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>")
                .append("<Default Extension=\"xml\" ContentType=\"application/xml\"/>")
                .append("<Override PartName=\"/xl/workbook.xml\" ContentType=\"").append(WORKBOOK_TYPE).append("\"/>");
        StringBuilder workbookRelationships = new StringBuilder(512);
        for (int n = 1; n <= sheets.size(); n++) {
            types.append("<Override PartName=\"/xl/worksheets/sheet").append(n).append(".xml\" ContentType=\"")
                    .append(WORKSHEET_TYPE).append("\"/>");
            workbookRelationships.append("<Relationship Id=\"rId").append(n).append("\" Type=\"").append(WORKSHEET)
                    .append("\" Target=\"worksheets/sheet").append(n).append(".xml\"/>");
        }
        types.append("<Override PartName=\"/xl/styles.xml\" ContentType=\"")
                .append("application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/></Types>");
        workbookRelationships.append("<Relationship Id=\"rId").append(sheets.size() + 1).append("\" Type=\"")
                .append(STYLES).append("\" Target=\"styles.xml\"/>");

        Map<String, byte[]> parts = new LinkedHashMap<>();
        parts.put(CONTENT_TYPES, types.toString().getBytes(StandardCharsets.UTF_8));
        parts.put("_rels/.rels", relationships("<Relationship Id=\"rId1\" Type=\"" + OFFICE_DOCUMENT
                + "\" Target=\"xl/workbook.xml\"/>"));
        parts.put("xl/workbook.xml", workbook.getBytes(StandardCharsets.UTF_8));
        parts.put("xl/_rels/workbook.xml.rels", relationships(workbookRelationships.toString()));
        parts.put("xl/styles.xml", styles);
        for (int n = 1; n <= sheets.size(); n++) {
            parts.put("xl/worksheets/sheet" + n + ".xml", sheets.get(n - 1));
        }
        return parts;
    }

    /**
     * How hard the parts this class writes are deflated: the fastest level. A feedback workbook is
     * written once and opened by one department, so a few percent more bytes cost nothing, while the
     * default level took a sixth of the feedback step's time in a profile of 10,770 files.
     */
    static final int DEFLATE_LEVEL = Deflater.BEST_SPEED;

    /** The buffer a workbook is written through: a feedback workbook is tens of KB. */
    private static final int BUFFER = 64 * 1024;

    /** Writes {@code parts} as a zip archive, each deflated. */
    static void zip(Map<String, byte[]> parts, OutputStream file) throws IOException {
        try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(file)) {
            out.setLevel(DEFLATE_LEVEL);
            for (Map.Entry<String, byte[]> part : parts.entrySet()) {
                ZipArchiveEntry entry = new ZipArchiveEntry(part.getKey());
                entry.setMethod(ZipEntry.DEFLATED);
                out.putArchiveEntry(entry);
                out.write(part.getValue());
                out.closeArchiveEntry();
            }
            out.finish();
        }
    }

    private static byte[] relationships(String content) {
        return (XML_DECLARATION + "<Relationships xmlns=\""
                + PackageXml.PACKAGE_REL_NS + "\">" + content + "</Relationships>").getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The styles of a new workbook, as POI writes them: one font, the two fills Excel requires, one
     * border, one format; and, when {@code wrapTop}, a second format {@value #WRAP_TOP_FORMAT} that
     * wraps text and aligns it to the top.
     */
    static String newStyles(boolean wrapTop) {
        return newStyles("", wrapTop ? List.of("<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\""
                + " applyAlignment=\"1\"><alignment vertical=\"top\" wrapText=\"1\"/></xf>") : List.of());
    }

    /**
     * The styles of a new workbook, as POI writes them, with the number formats {@code numFmts} (a
     * {@code <numFmts>} element, or empty) and, after the default format, the cell formats
     * {@code cellXfs} ({@code <xf>} elements of the one font, fill, border and cell style).
     */
    static String newStyles(String numFmts, List<String> cellXfs) {
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
     * {@code rId1}, {@code rId2}... as {@link #newPackage} relates them; those whose index is in
     * {@code hidden} are hidden.
     */
    static String newWorkbook(List<String> sheetNames, BitSet hidden) {
        StringBuilder workbook = new StringBuilder(256 + sheetNames.size() * 64)
                .append(XML_DECLARATION).append("<workbook xmlns=\"")
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
    static StringBuilder newWorksheet(String dimension, int capacity) {
        return new StringBuilder(capacity).append(XML_DECLARATION).append("<worksheet xmlns=\"")
                .append(PackageXml.MAIN_NS).append("\" xmlns:r=\"").append(PackageXml.REL_NS).append("\"><dimension ref=\"")
                .append(dimension).append("\"/><sheetViews><sheetView workbookViewId=\"0\"/></sheetViews>");
    }

    /**
     * Ends a new worksheet part begun by {@link #newWorksheet} whose rows are written: closes the sheet
     * data, adds {@code <mergeCells>} (only when there are merges: it holds one at least) and the page
     * margins, in schema order; the part's bytes.
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
        return xml.append(FindingsSheetXml.PAGE_MARGINS).append("</worksheet>").toString()
                .getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Writes the feedback workbook of a package made in memory from a submission ({@code parts}, as
     * {@link #newPackage} makes them) to {@code target}, replacing it: zipped, then edited as a
     * submitted package is.
     *
     * @param sheetNames the submission's sheet names, in tab order, each to the name of its sheet in
     *     the package
     * @param author who the comments are by
     * @throws PackageFallback when the package is refused; nothing has been written then
     */
    static void writeNew(Map<String, byte[]> parts, Map<String, String> sheetNames, String title,
            List<FeedbackItem> items, String author, Path target) throws IOException, PackageFallback {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(16 * 1024);
        zip(parts, bytes);
        try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(ByteArraySeekableByteChannel.wrap(bytes.toByteArray()))
                .get()) {
            write(zip, sheetNames, title, items, author, target);
        }
    }

    /** A part of the package the edit has parsed, written back when changed. */
    private static final class Part {

        final String name;
        final Document document;
        boolean changed;

        Part(String name, Document document) {
            this.name = name;
            this.document = document;
        }

        Element root() {
            return document.getDocumentElement();
        }
    }

    /** A sheet of the workbook, in tab order. */
    private record Sheet(String name, String relationshipType, String part) {
    }

    /** The edit of one package: what is read, what changes, what is added. */
    private static final class Edit {

        private final ZipFile zip;
        private final Map<String, String> sheetNames;
        private final String author;
        private final Map<String, ZipArchiveEntry> entries = new LinkedHashMap<>();
        private final Set<String> lowerCaseNames = new HashSet<>();
        private final Map<String, Part> parts = new HashMap<>();
        private final Map<String, byte[]> added = new LinkedHashMap<>();
        private final Set<String> dropped = new HashSet<>();
        private long time = -1;

        Edit(ZipFile zip, Map<String, String> sheetNames, String author) throws PackageFallback {
            this.zip = zip;
            this.sheetNames = sheetNames;
            this.author = author;
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

        // ---- reading ----------------------------------------------------------------------------

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

        private Part part(String name) throws IOException, PackageFallback {
            Part part = parts.get(name);
            if (part == null) {
                part = new Part(name, PackageXml.parse(bytes(name)));
                parts.put(name, part);
            }
            return part;
        }

        /** The relationships part of {@code partName}, created empty when the package has none. */
        private Part relationships(String partName) throws IOException, PackageFallback {
            String name = relationshipsName(partName);
            if (entries.containsKey(name) || parts.containsKey(name)) {
                return part(name);
            }
            Part part = new Part(name, PackageXml.parse(("<Relationships xmlns=\"" + PackageXml.PACKAGE_REL_NS
                    + "\"/>").getBytes(StandardCharsets.UTF_8)));
            part.changed = true;
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

        private static List<Element> relationshipList(Part relationships) throws PackageFallback {
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

        private static String addRelationship(Part relationships, String type, String targetPart) throws PackageFallback {
            String id = newRelationshipId(relationships);
            Element relationship = relationships.document.createElementNS(PackageXml.PACKAGE_REL_NS, "Relationship");
            relationship.setAttribute("Id", id);
            relationship.setAttribute("Type", type);
            // an absolute target needs no path arithmetic, and Excel reads it
            relationship.setAttribute("Target", "/" + targetPart);
            relationships.root().appendChild(relationship);
            relationships.changed = true;
            return id;
        }

        /** The first unused part name {@code prefix + n + suffix}, n counting from 1. */
        private String unusedName(String prefix, String suffix) {
            for (int n = 1; ; n++) {
                String name = prefix + n + suffix;
                if (!lowerCaseNames.contains(name.toLowerCase(Locale.ROOT))) {
                    lowerCaseNames.add(name.toLowerCase(Locale.ROOT));
                    return name;
                }
            }
        }

        // ---- the edit ---------------------------------------------------------------------------

        void prepare(String title, List<FeedbackItem> items) throws IOException, PackageFallback {
            Part contentTypes = part(CONTENT_TYPES);
            if (!PackageXml.CONTENT_TYPES_NS.equals(contentTypes.root().getNamespaceURI())) {
                throw new PackageFallback("[Content_Types].xml is not a content types part");
            }
            String workbookName = workbookPartName();
            if (!WORKBOOK_TYPE.equals(overrideType(contentTypes, workbookName))) {
                throw new PackageFallback("the workbook is not a plain .xlsx workbook (macro-enabled, template or other)");
            }
            ZipArchiveEntry workbookEntry = entries.get(workbookName);
            time = workbookEntry == null ? -1 : workbookEntry.getTime();
            Part workbook = part(workbookName);
            if (!PackageXml.MAIN_NS.equals(workbook.root().getNamespaceURI())) {
                throw new PackageFallback("the workbook is not transitional SpreadsheetML (strict OOXML or other)");
            }
            Part workbookRelationships = relationships(workbookName);
            Map<String, Element> relationshipsById = new HashMap<>();
            for (Element relationship : relationshipList(workbookRelationships)) {
                relationshipsById.put(relationship.getAttribute("Id"), relationship);
            }

            Element sheetsElement = PackageXml.child(workbook.root(), PackageXml.MAIN_NS, "sheets");
            if (sheetsElement == null) {
                throw new PackageFallback("the workbook has no sheets");
            }
            List<Sheet> sheets = new ArrayList<>();
            Map<String, String> names = new LinkedHashMap<>();
            int maxSheetId = 0;
            for (Element sheet : PackageXml.children(sheetsElement, PackageXml.MAIN_NS, "sheet")) {
                String name = sheet.getAttribute("name");
                Element relationship = relationshipsById.get(sheet.getAttributeNS(PackageXml.REL_NS, "id"));
                if (relationship == null || isExternal(relationship) || names.put(name, name) != null) {
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
            if (sheetNames != null && !List.copyOf(sheetNames.values()).equals(List.copyOf(names.keySet()))) {
                throw new PackageFallback("the package's sheets " + names.keySet() + " are not the submission's "
                        + sheetNames.values());
            }
            SubmissionCopy copy = new SubmissionCopy(null, sheetNames == null ? names : sheetNames, null);
            List<FeedbackItem> sorted = FindingsLayout.sorted(items, copy);
            Map<String, Sheet> sheetsByName = new HashMap<>();
            for (Sheet sheet : sheets) {
                sheetsByName.put(sheet.name(), sheet);
            }

            // merges first: a finding inside a merge marks the merge's first cell
            Map<String, List<CellRangeAddress>> merges = new HashMap<>();
            for (FeedbackItem item : sorted) {
                String sheetName = copy.copiedSheetName(item.sheetName());
                if (sheetName == null) {
                    continue;
                }
                Sheet sheet = sheetsByName.get(sheetName);
                if (!WORKSHEET.equals(sheet.relationshipType())) {
                    throw new PackageFallback("the sheet " + sheetName + " named by a finding is not a worksheet");
                }
                if (!merges.containsKey(sheetName)) {
                    merges.put(sheetName, merges(worksheet(sheet.part())));
                }
            }
            Marks marks = Marks.of(sorted, copy, (sheetName, row, column) -> {
                for (CellRangeAddress merge : merges.get(sheetName)) {
                    if (merge.isInRange(row, column)) {
                        return merge;
                    }
                }
                return null;
            });

            Part stylesPart = null;
            for (Element relationship : relationshipList(workbookRelationships)) {
                if (STYLES.equals(relationship.getAttribute("Type")) && !isExternal(relationship)) {
                    stylesPart = part(resolve(workbookName, relationship.getAttribute("Target")));
                }
            }
            if (stylesPart == null) {
                throw new PackageFallback("the workbook has no styles part");
            }
            PackageStyles styles = new PackageStyles(stylesPart.document);
            stylesPart.changed = true;

            markCells(marks, sheetsByName, styles, contentTypes);
            for (Map.Entry<String, FeedbackItem> entry : marks.worstOfSheet().entrySet()) {
                String rgb = FindingsLayout.fillRgb(entry.getValue());
                if (rgb != null) {
                    colourTab(worksheet(sheetsByName.get(entry.getKey()).part()), rgb);
                }
            }
            for (Sheet sheet : sheets) {
                unselect(sheet.part());
            }

            // the findings sheet, first in tab order
            String findingsName = SheetNames.unique(FindingsLayout.FINDINGS_SHEET, names.keySet());
            FindingsSheetXml findings = new FindingsSheetXml(styles);
            byte[] findingsXml = findings.write(title, sorted, copy, true);
            String findingsPart = unusedName("xl/worksheets/sheet", ".xml");
            added.put(findingsPart, findingsXml);
            addOverride(contentTypes, findingsPart, WORKSHEET_TYPE);
            String relationshipId = addRelationship(workbookRelationships, WORKSHEET, findingsPart);
            editWorkbook(workbook, sheetsElement, findingsName, maxSheetId + 1, relationshipId, findings.lastRow());
            dropCalcChain(workbookName, workbookRelationships, contentTypes);
            styles.finish();
        }

        private String workbookPartName() throws IOException, PackageFallback {
            String workbookName = null;
            for (Element relationship : relationshipList(part("_rels/.rels"))) {
                String type = relationship.getAttribute("Type");
                if (STRICT_OFFICE_DOCUMENT.equals(type)) {
                    throw new PackageFallback("the package is strict OOXML");
                }
                if (OFFICE_DOCUMENT.equals(type) && !isExternal(relationship)) {
                    if (workbookName != null) {
                        throw new PackageFallback("the package has two office documents");
                    }
                    workbookName = resolve("", relationship.getAttribute("Target"));
                }
            }
            if (workbookName == null) {
                throw new PackageFallback("the package has no office document");
            }
            return workbookName;
        }

        private static String overrideType(Part contentTypes, String partName) {
            for (Element override : PackageXml.children(contentTypes.root(), PackageXml.CONTENT_TYPES_NS, "Override")) {
                if (override.getAttribute("PartName").equalsIgnoreCase("/" + partName)) {
                    return override.getAttribute("ContentType");
                }
            }
            return null;
        }

        private static void addOverride(Part contentTypes, String partName, String type) {
            Element override = PackageXml.create(contentTypes.root(), "Override");
            override.setAttribute("PartName", "/" + partName);
            override.setAttribute("ContentType", type);
            contentTypes.root().appendChild(override);
            contentTypes.changed = true;
        }

        private static void addVmlType(Part contentTypes, String partName) {
            for (Element type : PackageXml.children(contentTypes.root(), PackageXml.CONTENT_TYPES_NS, "Default")) {
                if (type.getAttribute("Extension").equalsIgnoreCase("vml")) {
                    if (!VML_TYPE.equals(type.getAttribute("ContentType"))) {
                        addOverride(contentTypes, partName, VML_TYPE);
                    }
                    return;
                }
            }
            Element type = PackageXml.create(contentTypes.root(), "Default");
            type.setAttribute("Extension", "vml");
            type.setAttribute("ContentType", VML_TYPE);
            contentTypes.root().insertBefore(type, contentTypes.root().getFirstChild());
            contentTypes.changed = true;
        }

        private Part worksheet(String partName) throws IOException, PackageFallback {
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

        private static List<CellRangeAddress> merges(Part sheet) throws PackageFallback {
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

        /** A comment to add to a sheet. */
        private record NewComment(int row, int column, String text) {
        }

        private void markCells(Marks marks, Map<String, Sheet> sheetsByName, PackageStyles styles, Part contentTypes)
                throws IOException, PackageFallback {
            Map<String, List<NewComment>> commentsBySheet = new LinkedHashMap<>();
            for (Map.Entry<CellKey, List<FeedbackItem>> entry : marks.cells().entrySet()) {
                CellKey key = entry.getKey();
                Part sheet = worksheet(sheetsByName.get(key.sheet()).part());
                SheetCells.Cell cell = SheetCells.cell(sheet.root(), key.row(), key.column());
                String rgb = FindingsLayout.fillRgb(entry.getValue().get(0));
                int original = SheetCells.styleIndex(sheet.root(), cell);
                if (rgb != null) {
                    cell.element().setAttribute("s", Integer.toString(styles.flagged(original, rgb)));
                } else if (cell.created() && original != 0) {
                    cell.element().setAttribute("s", Integer.toString(original));
                }
                sheet.changed = true;
                commentsBySheet.computeIfAbsent(key.sheet(), k -> new ArrayList<>()).add(new NewComment(key.row(),
                        key.column(), FindingsLayout.limit(FindingsLayout.commentText(author, entry.getValue()))));
            }
            int block = 1 + (int) entries.keySet().stream().filter(name -> name.toLowerCase(Locale.ROOT).endsWith(".vml"))
                    .count();
            for (Map.Entry<String, List<NewComment>> entry : commentsBySheet.entrySet()) {
                String sheetPart = sheetsByName.get(entry.getKey()).part();
                addComments(worksheet(sheetPart), entry.getValue(), block++, contentTypes);
            }
        }

        private void addComments(Part sheet, List<NewComment> comments, int block, Part contentTypes)
                throws IOException, PackageFallback {
            if (comments.size() >= SHAPES_PER_BLOCK) {
                throw new PackageFallback(sheet.name + " would get more comments than one VML block holds");
            }
            Element root = sheet.root();
            if (PackageXml.child(root, PackageXml.MAIN_NS, "legacyDrawing") != null) {
                throw new PackageFallback(sheet.name + " already has comments or a legacy drawing");
            }
            Part relationships = relationships(sheet.name);
            for (Element relationship : relationshipList(relationships)) {
                String type = relationship.getAttribute("Type");
                if (COMMENTS.equals(type) || VML_DRAWING.equals(type)) {
                    throw new PackageFallback(sheet.name + " already has comments or a legacy drawing");
                }
            }
            comments.sort((a, b) -> a.row() != b.row() ? Integer.compare(a.row(), b.row())
                    : Integer.compare(a.column(), b.column()));

            StringBuilder xml = new StringBuilder(1024).append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n")
                    .append("<comments xmlns=\"").append(PackageXml.MAIN_NS).append("\"><authors><author>");
            PackageXml.escape(author, false, xml);
            xml.append("</author></authors><commentList>");
            StringBuilder vml = new StringBuilder(1024).append("<xml xmlns:v=\"urn:schemas-microsoft-com:vml\"")
                    .append(" xmlns:o=\"urn:schemas-microsoft-com:office:office\"")
                    .append(" xmlns:x=\"urn:schemas-microsoft-com:office:excel\">")
                    .append("<o:shapelayout v:ext=\"edit\"><o:idmap v:ext=\"edit\" data=\"").append(block)
                    .append("\"/></o:shapelayout>")
                    .append("<v:shapetype id=\"_x0000_t202\" coordsize=\"21600,21600\" o:spt=\"202\"")
                    .append(" path=\"m,l,21600r21600,l21600,xe\"><v:stroke joinstyle=\"miter\"/>")
                    .append("<v:path gradientshapeok=\"t\" o:connecttype=\"rect\"/></v:shapetype>");
            int shapeId = block * SHAPES_PER_BLOCK + 1;
            for (NewComment comment : comments) {
                xml.append("<comment ref=\"").append(new CellReference(comment.row(), comment.column()).formatAsString(false))
                        .append("\" authorId=\"0\"><text>");
                PackageXml.textElement(comment.text(), xml);
                xml.append("</text></comment>");
                CommentAnchor anchor = CommentAnchor.of(comment.row(), comment.column(), comment.text());
                vml.append("<v:shape id=\"_x0000_s").append(shapeId++).append("\" type=\"#_x0000_t202\"")
                        .append(" style=\"position:absolute;visibility:hidden\" fillcolor=\"#ffffe1\" o:insetmode=\"auto\">")
                        .append("<v:fill color2=\"#ffffe1\"/><v:shadow on=\"t\" color=\"black\" obscured=\"t\"/>")
                        .append("<v:path o:connecttype=\"none\"/><v:textbox style=\"mso-direction-alt:auto\"/>")
                        .append("<x:ClientData ObjectType=\"Note\"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>")
                        .append(anchor.firstColumn()).append(", 0, ").append(anchor.firstRow()).append(", 0, ")
                        .append(anchor.lastColumn()).append(", 0, ").append(anchor.lastRow()).append(", 0</x:Anchor>")
                        .append("<x:AutoFill>False</x:AutoFill><x:Row>").append(comment.row()).append("</x:Row><x:Column>")
                        .append(comment.column()).append("</x:Column></x:ClientData></v:shape>");
            }
            xml.append("</commentList></comments>");
            vml.append("</xml>");

            String commentsPart = unusedName("xl/comments", ".xml");
            String vmlPart = unusedName("xl/drawings/vmlDrawing", ".vml");
            added.put(commentsPart, xml.toString().getBytes(StandardCharsets.UTF_8));
            added.put(vmlPart, vml.toString().getBytes(StandardCharsets.UTF_8));
            addOverride(contentTypes, commentsPart, COMMENTS_TYPE);
            addVmlType(contentTypes, vmlPart);
            addRelationship(relationships, COMMENTS, commentsPart);
            String vmlId = addRelationship(relationships, VML_DRAWING, vmlPart);

            String prefix = PackageXml.prefixFor(root, PackageXml.REL_NS, "r");
            Element legacyDrawing = PackageXml.create(root, "legacyDrawing");
            legacyDrawing.setAttributeNS(PackageXml.REL_NS, prefix + ":id", vmlId);
            PackageXml.insertInOrder(root, legacyDrawing, WORKSHEET_ORDER);
            sheet.changed = true;
        }

        private static void colourTab(Part sheet, String rgb) {
            Element root = sheet.root();
            Element sheetPr = PackageXml.child(root, PackageXml.MAIN_NS, "sheetPr");
            if (sheetPr == null) {
                sheetPr = PackageXml.create(root, "sheetPr");
                PackageXml.insertInOrder(root, sheetPr, WORKSHEET_ORDER);
            }
            Element tabColor = PackageXml.child(sheetPr, PackageXml.MAIN_NS, "tabColor");
            if (tabColor == null) {
                tabColor = PackageXml.create(root, "tabColor");
                PackageXml.insertInOrder(sheetPr, tabColor, SHEET_PR_ORDER);
            }
            while (tabColor.getAttributes().getLength() > 0) {
                tabColor.removeAttributeNode((org.w3c.dom.Attr) tabColor.getAttributes().item(0));
            }
            tabColor.setAttribute("rgb", "FF" + rgb);
            sheet.changed = true;
        }

        /** Clears the selection of a sheet's tab, so that only the findings sheet is selected. */
        private void unselect(String partName) throws IOException, PackageFallback {
            Part sheet = parts.get(partName);
            if (sheet == null) {
                byte[] xml = bytes(partName);
                // POI writes tabSelected="false" on every other sheet: those need no rewriting
                if (!SELECTED.matcher(new String(xml, StandardCharsets.ISO_8859_1)).find()) {
                    return;
                }
                sheet = new Part(partName, PackageXml.parse(xml));
                parts.put(partName, sheet);
            }
            Element sheetViews = PackageXml.child(sheet.root(), sheet.root().getNamespaceURI(), "sheetViews");
            if (sheetViews == null) {
                return;
            }
            for (Element view : PackageXml.children(sheetViews, sheet.root().getNamespaceURI(), "sheetView")) {
                if (view.hasAttribute("tabSelected")) {
                    view.removeAttribute("tabSelected");
                    sheet.changed = true;
                }
            }
        }

        private static void editWorkbook(Part workbook, Element sheetsElement, String findingsName, int sheetId,
                String relationshipId, int lastRow) throws PackageFallback {
            Element root = workbook.root();
            String prefix = PackageXml.prefixFor(root, PackageXml.REL_NS, "r");
            Element sheet = PackageXml.create(root, "sheet");
            sheet.setAttribute("name", findingsName);
            sheet.setAttribute("sheetId", Integer.toString(sheetId));
            sheet.setAttributeNS(PackageXml.REL_NS, prefix + ":id", relationshipId);
            sheetsElement.insertBefore(sheet, sheetsElement.getFirstChild());

            Element bookViews = PackageXml.child(root, PackageXml.MAIN_NS, "bookViews");
            if (bookViews == null) {
                bookViews = PackageXml.create(root, "bookViews");
                PackageXml.insertInOrder(root, bookViews, WORKBOOK_ORDER);
            }
            List<Element> views = PackageXml.children(bookViews, PackageXml.MAIN_NS, "workbookView");
            if (views.isEmpty()) {
                Element view = PackageXml.create(root, "workbookView");
                bookViews.appendChild(view);
                views = List.of(view);
            }
            for (Element view : views) {
                view.setAttribute("activeTab", "0");
                if (view.hasAttribute("firstSheet")) {
                    view.setAttribute("firstSheet", "0");
                }
            }

            Element definedNames = PackageXml.child(root, PackageXml.MAIN_NS, "definedNames");
            if (definedNames == null) {
                definedNames = PackageXml.create(root, "definedNames");
                PackageXml.insertInOrder(root, definedNames, WORKBOOK_ORDER);
            }
            for (Element name : PackageXml.children(definedNames, PackageXml.MAIN_NS, "definedName")) {
                if (name.hasAttribute("localSheetId")) {
                    try {
                        name.setAttribute("localSheetId", Integer.toString(Integer.parseInt(name.getAttribute("localSheetId")) + 1));
                    } catch (NumberFormatException e) {
                        throw new PackageFallback("the defined name " + name.getAttribute("name") + " has no numeric localSheetId");
                    }
                }
            }
            String quoted = SheetNames.quoted(findingsName);
            Element filter = PackageXml.create(root, "definedName");
            filter.setAttribute("name", "_xlnm._FilterDatabase");
            filter.setAttribute("localSheetId", "0");
            filter.setAttribute("hidden", "1");
            filter.setTextContent(quoted + "!" + FindingsSheetXml.tableRange(lastRow, true));
            Element titles = PackageXml.create(root, "definedName");
            titles.setAttribute("name", "_xlnm.Print_Titles");
            titles.setAttribute("localSheetId", "0");
            titles.setTextContent(FindingsSheetXml.printTitles(quoted));
            definedNames.insertBefore(titles, definedNames.getFirstChild());
            definedNames.insertBefore(filter, titles);
            workbook.changed = true;
        }

        /** Drops the calculation chain, which Excel rebuilds: a stale one makes it repair the file. */
        private void dropCalcChain(String workbookName, Part workbookRelationships, Part contentTypes)
                throws PackageFallback {
            for (Element relationship : relationshipList(workbookRelationships)) {
                if (CALC_CHAIN.equals(relationship.getAttribute("Type")) && !isExternal(relationship)) {
                    String partName = resolve(workbookName, relationship.getAttribute("Target"));
                    relationship.getParentNode().removeChild(relationship);
                    workbookRelationships.changed = true;
                    dropped.add(partName);
                    for (Element override : PackageXml.children(contentTypes.root(), PackageXml.CONTENT_TYPES_NS,
                            "Override")) {
                        if (override.getAttribute("PartName").equalsIgnoreCase("/" + partName)) {
                            override.getParentNode().removeChild(override);
                            contentTypes.changed = true;
                        }
                    }
                }
            }
        }

        // ---- writing ----------------------------------------------------------------------------

        /**
         * Writes the edited package to {@code file}: assembled in memory (the zip format goes back to
         * each entry's header once its data is written, which on a file is a system call each time),
         * then written in one piece.
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
                        put(out, name, PackageXml.write(part.document));
                    } else {
                        out.addRawArchiveEntry(entry, zip.getRawInputStream(entry));
                    }
                }
                for (Part part : parts.values()) {
                    if (part.changed && !entries.containsKey(part.name)) {
                        put(out, part.name, PackageXml.write(part.document));
                    }
                }
                for (Map.Entry<String, byte[]> part : added.entrySet()) {
                    put(out, part.getKey(), part.getValue());
                }
                out.finish();
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                bytes.writeTo(out); // without a copy of the whole package
            }
        }

        private void put(ZipArchiveOutputStream out, String name, byte[] bytes) throws IOException {
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
}
