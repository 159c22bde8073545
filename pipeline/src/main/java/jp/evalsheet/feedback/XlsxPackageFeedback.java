package jp.evalsheet.feedback;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.w3c.dom.Element;

import jp.evalsheet.feedback.FindingsLayout.CellKey;
import jp.evalsheet.feedback.FindingsLayout.CommentAnchor;
import jp.evalsheet.feedback.FindingsLayout.Marks;
import jp.evalsheet.feedback.XlsxPackageEditor.Part;
import jp.evalsheet.feedback.XlsxPackageEditor.Sheet;

/**
 * Writes the feedback workbook of an .xlsx submission at the zip level, editing the submission's
 * package through an {@link XlsxPackageEditor}, which copies every part that does not change as its
 * compressed bytes: the marked cells get a fill (new formats in the styles), and a comment each, in a
 * comments part with its legacy VML drawing per sheet; the tabs of sheets with a finding of the whole
 * sheet are coloured; the findings sheet ({@link FindingsSheetXml}) is added first and is the only one
 * selected. The result reads as {@link FeedbackWorkbookWriter}'s POI path writes it. Whatever this class
 * or the editor does not handle with certainty is refused with a {@link PackageFallback}, before
 * anything is written.
 */
final class XlsxPackageFeedback {

    private static final String COMMENTS = PackageXml.REL_NS + "/comments";
    private static final String VML_DRAWING = PackageXml.REL_NS + "/vmlDrawing";
    private static final String COMMENTS_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml";
    private static final String VML_TYPE = "application/vnd.openxmlformats-officedocument.vmlDrawing";

    private static final Pattern SELECTED = Pattern.compile("tabSelected\\s*=\\s*[\"'](?:1|true)[\"']");

    /** Shapes per block of VML shape ids ({@code o:idmap}). */
    private static final int SHAPES_PER_BLOCK = 1024;

    private final XlsxPackageEditor editor;
    private final String author;

    private XlsxPackageFeedback(XlsxPackageEditor editor, String author) {
        this.editor = editor;
        this.author = author;
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
        try (XlsxPackageEditor editor = XlsxPackageEditor.open(submission)) {
            write(editor, null, title, items, author, target);
        }
    }

    /**
     * Writes the feedback workbook of a package made in memory from a submission ({@code parts}, as
     * {@link NewXlsxPackage} makes them) to {@code target}, replacing it: zipped, then edited as a
     * submitted package is.
     *
     * @param sheetNames the submission's sheet names, in tab order, each to the name of its sheet in
     *     the package
     * @param author who the comments are by
     * @throws PackageFallback when the package is refused; nothing has been written then
     */
    static void writeNew(Map<String, byte[]> parts, Map<String, String> sheetNames, String title,
            List<FeedbackItem> items, String author, Path target) throws IOException, PackageFallback {
        try (XlsxPackageEditor editor = XlsxPackageEditor.open(parts)) {
            write(editor, sheetNames, title, items, author, target);
        }
    }

    /**
     * Writes the feedback workbook of the package {@code editor} has open to {@code target}, replacing it.
     *
     * @param sheetNames the submission's sheet names, in tab order, each to the name of its sheet in
     *     the package, for a package made from a submission whose sheets had to be renamed (a CSV, an .xls);
     *     {@code null} when the package is the submission
     */
    private static void write(XlsxPackageEditor editor, Map<String, String> sheetNames, String title,
            List<FeedbackItem> items, String author, Path target) throws IOException, PackageFallback {
        new XlsxPackageFeedback(editor, author).mark(sheetNames, title, items);
        FeedbackFiles.replace(target, editor::writeTo);
    }

    /**
     * Writes a feedback workbook of the findings sheet alone, for a submission without findings, as
     * a package of its own: the workbook, its styles and the sheet.
     */
    static void writeFindingsOnly(String title, List<FeedbackItem> items, Path target) throws IOException {
        PackageStyles styles;
        try {
            styles = new PackageStyles(PackageXml.parse(NewXlsxPackage.styles(false).getBytes(StandardCharsets.UTF_8)));
        } catch (PackageFallback e) {
            throw new IllegalStateException("the default styles are not a styleSheet", e);
        }
        SubmissionCopy none = new SubmissionCopy(null, Map.of(), null);
        FindingsSheetXml findings = new FindingsSheetXml(styles);
        byte[] sheet = findings.write(title, FindingsLayout.sorted(items, none), none, false);
        styles.finish();
        String quoted = SheetNames.quoted(FindingsLayout.FINDINGS_SHEET);
        StringBuilder workbook = new StringBuilder(1024).append(PackageXml.DECLARATION)
                .append("<workbook xmlns=\"").append(PackageXml.MAIN_NS).append("\" xmlns:r=\"").append(PackageXml.REL_NS)
                .append("\"><bookViews><workbookView activeTab=\"0\"/></bookViews><sheets><sheet name=\"");
        PackageXml.escape(FindingsLayout.FINDINGS_SHEET, true, workbook);
        workbook.append("\" sheetId=\"1\" r:id=\"rId1\"/></sheets><definedNames>")
                .append("<definedName name=\"_xlnm._FilterDatabase\" localSheetId=\"0\" hidden=\"1\">");
        PackageXml.escape(quoted + "!" + FindingsSheetXml.tableRange(findings.lastRow(), true), false, workbook);
        workbook.append("</definedName><definedName name=\"_xlnm.Print_Titles\" localSheetId=\"0\">");
        PackageXml.escape(FindingsSheetXml.printTitles(quoted), false, workbook);
        workbook.append("</definedName></definedNames></workbook>");

        Map<String, byte[]> parts = NewXlsxPackage.parts(workbook.toString(), PackageXml.write(styles.document()),
                List.of(sheet));
        FeedbackFiles.replace(target, file -> XlsxPackageEditor.zip(parts, file));
    }

    /** Marks the package's copy of the submission's sheets and adds the findings sheet first. */
    private void mark(Map<String, String> sheetNames, String title, List<FeedbackItem> items)
            throws IOException, PackageFallback {
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, Sheet> sheetsByName = new HashMap<>();
        for (Sheet sheet : editor.sheets()) {
            names.put(sheet.name(), sheet.name());
            sheetsByName.put(sheet.name(), sheet);
        }
        if (sheetNames != null && !List.copyOf(sheetNames.values()).equals(List.copyOf(names.keySet()))) {
            throw new PackageFallback("the package's sheets " + names.keySet() + " are not the submission's "
                    + sheetNames.values());
        }
        SubmissionCopy copy = new SubmissionCopy(null, sheetNames == null ? names : sheetNames, null);
        List<FeedbackItem> sorted = FindingsLayout.sorted(items, copy);

        // merges first: a finding inside a merge marks the merge's first cell
        Map<String, List<CellRangeAddress>> merges = new HashMap<>();
        for (FeedbackItem item : sorted) {
            String sheetName = copy.copiedSheetName(item.sheetName());
            if (sheetName == null) {
                continue;
            }
            Sheet sheet = sheetsByName.get(sheetName);
            if (!sheet.isWorksheet()) {
                throw new PackageFallback("the sheet " + sheetName + " named by a finding is not a worksheet");
            }
            if (!merges.containsKey(sheetName)) {
                merges.put(sheetName, XlsxPackageEditor.merges(editor.worksheet(sheet.part())));
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

        Part stylesPart = editor.styles();
        PackageStyles styles = new PackageStyles(stylesPart.document());
        stylesPart.markChanged();

        markCells(marks, sheetsByName, styles);
        for (Map.Entry<String, FeedbackItem> entry : marks.worstOfSheet().entrySet()) {
            String rgb = FindingsLayout.fillRgb(entry.getValue());
            if (rgb != null) {
                colourTab(editor.worksheet(sheetsByName.get(entry.getKey()).part()), rgb);
            }
        }
        for (Sheet sheet : editor.sheets()) {
            unselect(sheet.part());
        }

        // the findings sheet, first in tab order
        String findingsName = SheetNames.unique(FindingsLayout.FINDINGS_SHEET, names.keySet());
        FindingsSheetXml findings = new FindingsSheetXml(styles);
        editor.addFirstSheet(findingsName, findings.write(title, sorted, copy, true));
        showFindingsSheet(findingsName, findings.lastRow());
        editor.dropCalcChain();
        styles.finish();
    }

    /** A comment to add to a sheet. */
    private record NewComment(int row, int column, String text) {
    }

    private void markCells(Marks marks, Map<String, Sheet> sheetsByName, PackageStyles styles)
            throws IOException, PackageFallback {
        Map<String, List<NewComment>> commentsBySheet = new LinkedHashMap<>();
        for (Map.Entry<CellKey, List<FeedbackItem>> entry : marks.cells().entrySet()) {
            CellKey key = entry.getKey();
            Part sheet = editor.worksheet(sheetsByName.get(key.sheet()).part());
            SheetCells.Cell cell = SheetCells.cell(sheet.root(), key.row(), key.column());
            String rgb = FindingsLayout.fillRgb(entry.getValue().get(0));
            int original = SheetCells.styleIndex(sheet.root(), cell);
            if (rgb != null) {
                cell.element().setAttribute("s", Integer.toString(styles.flagged(original, rgb)));
            } else if (cell.created() && original != 0) {
                cell.element().setAttribute("s", Integer.toString(original));
            }
            sheet.markChanged();
            commentsBySheet.computeIfAbsent(key.sheet(), k -> new ArrayList<>()).add(new NewComment(key.row(),
                    key.column(), FindingsLayout.limit(FindingsLayout.commentText(author, entry.getValue()))));
        }
        int block = 1 + (int) editor.partNames().stream().filter(name -> name.toLowerCase(Locale.ROOT).endsWith(".vml"))
                .count();
        for (Map.Entry<String, List<NewComment>> entry : commentsBySheet.entrySet()) {
            String sheetPart = sheetsByName.get(entry.getKey()).part();
            addComments(editor.worksheet(sheetPart), entry.getValue(), block++);
        }
    }

    private void addComments(Part sheet, List<NewComment> comments, int block) throws IOException, PackageFallback {
        if (comments.size() >= SHAPES_PER_BLOCK) {
            throw new PackageFallback(sheet.name() + " would get more comments than one VML block holds");
        }
        Element root = sheet.root();
        if (PackageXml.child(root, PackageXml.MAIN_NS, "legacyDrawing") != null) {
            throw new PackageFallback(sheet.name() + " already has comments or a legacy drawing");
        }
        Part relationships = editor.relationships(sheet.name());
        for (Element relationship : XlsxPackageEditor.relationshipList(relationships)) {
            String type = relationship.getAttribute("Type");
            if (COMMENTS.equals(type) || VML_DRAWING.equals(type)) {
                throw new PackageFallback(sheet.name() + " already has comments or a legacy drawing");
            }
        }
        comments.sort((a, b) -> a.row() != b.row() ? Integer.compare(a.row(), b.row())
                : Integer.compare(a.column(), b.column()));

        StringBuilder xml = new StringBuilder(1024).append(PackageXml.DECLARATION)
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

        String commentsPart = editor.addPart("xl/comments", ".xml", xml.toString().getBytes(StandardCharsets.UTF_8));
        String vmlPart = editor.addPart("xl/drawings/vmlDrawing", ".vml", vml.toString().getBytes(StandardCharsets.UTF_8));
        editor.addOverride(commentsPart, COMMENTS_TYPE);
        editor.addDefault(vmlPart, VML_TYPE);
        XlsxPackageEditor.addRelationship(relationships, COMMENTS, commentsPart);
        String vmlId = XlsxPackageEditor.addRelationship(relationships, VML_DRAWING, vmlPart);

        String prefix = PackageXml.prefixFor(root, PackageXml.REL_NS, "r");
        Element legacyDrawing = PackageXml.create(root, "legacyDrawing");
        legacyDrawing.setAttributeNS(PackageXml.REL_NS, prefix + ":id", vmlId);
        PackageXml.insertInOrder(root, legacyDrawing, XlsxPackageEditor.WORKSHEET_ORDER);
        sheet.markChanged();
    }

    private static void colourTab(Part sheet, String rgb) {
        Element root = sheet.root();
        Element sheetPr = PackageXml.child(root, PackageXml.MAIN_NS, "sheetPr");
        if (sheetPr == null) {
            sheetPr = PackageXml.create(root, "sheetPr");
            PackageXml.insertInOrder(root, sheetPr, XlsxPackageEditor.WORKSHEET_ORDER);
        }
        Element tabColor = PackageXml.child(sheetPr, PackageXml.MAIN_NS, "tabColor");
        if (tabColor == null) {
            tabColor = PackageXml.create(root, "tabColor");
            PackageXml.insertInOrder(sheetPr, tabColor, XlsxPackageEditor.SHEET_PR_ORDER);
        }
        while (tabColor.getAttributes().getLength() > 0) {
            tabColor.removeAttributeNode((org.w3c.dom.Attr) tabColor.getAttributes().item(0));
        }
        tabColor.setAttribute("rgb", "FF" + rgb);
        sheet.markChanged();
    }

    /** Clears the selection of a sheet's tab, so that only the findings sheet is selected. */
    private void unselect(String partName) throws IOException, PackageFallback {
        // POI writes tabSelected="false" on every other sheet: those need no rewriting
        Part sheet = editor.partIfFound(partName, SELECTED);
        if (sheet == null) {
            return;
        }
        Element sheetViews = PackageXml.child(sheet.root(), sheet.root().getNamespaceURI(), "sheetViews");
        if (sheetViews == null) {
            return;
        }
        for (Element view : PackageXml.children(sheetViews, sheet.root().getNamespaceURI(), "sheetView")) {
            if (view.hasAttribute("tabSelected")) {
                view.removeAttribute("tabSelected");
                sheet.markChanged();
            }
        }
    }

    /**
     * Makes the findings sheet, first in tab order, the workbook's active tab, and gives it the defined
     * names of its autofilter and its print titles.
     */
    private void showFindingsSheet(String findingsName, int lastRow) {
        Part workbook = editor.workbook();
        Element root = workbook.root();
        Element bookViews = PackageXml.child(root, PackageXml.MAIN_NS, "bookViews");
        if (bookViews == null) {
            bookViews = PackageXml.create(root, "bookViews");
            PackageXml.insertInOrder(root, bookViews, XlsxPackageEditor.WORKBOOK_ORDER);
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
            PackageXml.insertInOrder(root, definedNames, XlsxPackageEditor.WORKBOOK_ORDER);
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
        workbook.markChanged();
    }
}
