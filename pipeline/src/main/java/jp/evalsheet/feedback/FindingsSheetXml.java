package jp.evalsheet.feedback;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;

import jp.evalsheet.feedback.FindingsLayout.Address;

/**
 * The findings sheet as raw SpreadsheetML, as {@link FeedbackWorkbookWriter}'s POI path lays it out:
 * title, note, bold header, one row per item with document hyperlinks to the sheet and cell, column
 * widths, an autofilter, a pane frozen below the header, landscape printing fitted to the width.
 * Strings are inline, so the package's shared strings stay as they are. The sheet is selected.
 */
final class FindingsSheetXml {

    private final PackageStyles styles;
    private int lastRow = -1;

    FindingsSheetXml(PackageStyles styles) {
        this.styles = styles;
    }

    /**
     * The findings table, header row to {@code lastRow} over every column of
     * {@link FindingsLayout#HEADERS}: {@code A3:F10}, or {@code $A$3:$F$10} when {@code absolute}.
     */
    static String tableRange(int lastRow, boolean absolute) {
        return range(FindingsLayout.HEADER_ROW, lastRow, absolute);
    }

    /** The text of the findings sheet's {@code _xlnm.Print_Titles}: its header row, {@code 'sheet'!$3:$3}. */
    static String printTitles(String quotedSheet) {
        int header = FindingsLayout.HEADER_ROW + 1;
        return quotedSheet + "!$" + header + ":$" + header;
    }

    private static String range(int firstRow, int lastRow, boolean absolute) {
        return new CellRangeAddress(firstRow, lastRow, 0, FindingsLayout.HEADERS.size() - 1)
                .formatAsString(null, absolute);
    }

    /** The last row of the table (zero-based), once written: the end of the autofilter. */
    int lastRow() {
        return lastRow;
    }

    /** A document hyperlink from a cell of the sheet. */
    private record Link(String ref, String location, String display) {
    }

    /**
     * The sheet for {@code sorted} items of a submission called {@code title}, whose sheets are
     * {@code copy}'s; {@code copy.workbook()} is ignored: a copy follows when {@code copied}. (A file
     * that could not be opened never takes the zip-level path, so there is no failure to note.)
     */
    byte[] write(String title, List<FeedbackItem> sorted, SubmissionCopy copy, boolean copied) {
        PackageStyles.FindingsStyles style = styles.findings();
        StringBuilder rows = new StringBuilder(4096);
        List<Link> links = new ArrayList<>();
        row(rows, FindingsLayout.TITLE_ROW);
        cell(rows, FindingsLayout.TITLE_ROW, 0, FindingsLayout.title(title, sorted), style.title());
        rows.append("</row>");
        row(rows, FindingsLayout.NOTE_ROW);
        cell(rows, FindingsLayout.NOTE_ROW, 0, FindingsLayout.note(null, null, copied), 0);
        rows.append("</row>");
        row(rows, FindingsLayout.HEADER_ROW);
        for (int column = 0; column < FindingsLayout.HEADERS.size(); column++) {
            cell(rows, FindingsLayout.HEADER_ROW, column, FindingsLayout.HEADERS.get(column), style.header());
        }
        rows.append("</row>");

        int rowIndex = FindingsLayout.FIRST_ITEM_ROW;
        if (sorted.isEmpty()) {
            row(rows, rowIndex);
            cell(rows, rowIndex, 0, FindingsLayout.NO_FINDINGS, style.text());
            rows.append("</row>");
            rowIndex++;
        }
        for (FeedbackItem item : sorted) {
            String copiedSheet = copied ? copy.copiedSheetName(item.sheetName()) : null;
            Address address = item.cell() == null ? null : Address.parse(item.cell());
            String target = copiedSheet == null ? null : FindingsLayout.linkTarget(copiedSheet, address);
            row(rows, rowIndex);
            cell(rows, rowIndex, 0, FindingsLayout.severityLabel(item),
                    item.isError() ? style.error() : item.isWarning() ? style.warning() : style.text());
            cell(rows, rowIndex, 1, item.sheetName(), target != null ? style.link() : style.text());
            cell(rows, rowIndex, 2, item.cell(), target != null && address != null ? style.link() : style.text());
            cell(rows, rowIndex, 3, item.message(), style.text());
            cell(rows, rowIndex, 4, item.rawText(), style.text());
            cell(rows, rowIndex, 5, item.rule(), style.text());
            rows.append("</row>");
            if (target != null) {
                links.add(new Link(new CellReference(rowIndex, 1).formatAsString(false), target, item.sheetName()));
                if (address != null) {
                    links.add(new Link(new CellReference(rowIndex, 2).formatAsString(false), target, item.cell()));
                }
            }
            rowIndex++;
        }
        lastRow = Math.max(rowIndex - 1, FindingsLayout.HEADER_ROW + 1);
        int firstItem = FindingsLayout.FIRST_ITEM_ROW + 1;

        StringBuilder xml = new StringBuilder(rows.length() + 2048)
                .append(PackageXml.DECLARATION)
                .append("<worksheet xmlns=\"").append(PackageXml.MAIN_NS).append("\" xmlns:r=\"")
                .append(PackageXml.REL_NS).append("\">")
                .append("<sheetPr><pageSetUpPr fitToPage=\"1\"/></sheetPr>")
                .append("<dimension ref=\"").append(range(0, lastRow, false)).append("\"/>")
                .append("<sheetViews><sheetView tabSelected=\"1\" workbookViewId=\"0\">")
                .append("<pane ySplit=\"").append(FindingsLayout.FIRST_ITEM_ROW).append("\" topLeftCell=\"A")
                .append(firstItem).append("\" activePane=\"bottomLeft\" state=\"frozen\"/>")
                .append("<selection pane=\"bottomLeft\" activeCell=\"A").append(firstItem).append("\" sqref=\"A")
                .append(firstItem).append("\"/></sheetView></sheetViews>")
                .append("<sheetFormatPr defaultRowHeight=\"15\"/><cols>");
        for (int column = 0; column < FindingsLayout.COLUMN_WIDTHS.length; column++) {
            xml.append("<col min=\"").append(column + 1).append("\" max=\"").append(column + 1).append("\" width=\"")
                    .append(FindingsLayout.COLUMN_WIDTHS[column]).append("\" customWidth=\"1\"/>");
        }
        xml.append("</cols><sheetData>").append(rows).append("</sheetData>")
                .append("<autoFilter ref=\"").append(tableRange(lastRow, false)).append("\"/>");
        if (!links.isEmpty()) {
            xml.append("<hyperlinks>");
            for (Link link : links) {
                xml.append("<hyperlink ref=\"").append(link.ref()).append("\" location=\"");
                PackageXml.escape(PackageXml.xmlSafe(link.location()), true, xml);
                xml.append("\" display=\"");
                PackageXml.escape(PackageXml.xmlSafe(FindingsLayout.limit(link.display())), true, xml);
                xml.append("\"/>");
            }
            xml.append("</hyperlinks>");
        }
        xml.append(NewXlsxPackage.PAGE_MARGINS)
                .append("<pageSetup orientation=\"landscape\" fitToWidth=\"1\" fitToHeight=\"0\"/>")
                .append("</worksheet>");
        return xml.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void row(StringBuilder rows, int row) {
        rows.append("<row r=\"").append(row + 1).append("\">");
    }

    private static void cell(StringBuilder rows, int row, int column, String text, int style) {
        rows.append("<c r=\"").append(new CellReference(row, column).formatAsString(false)).append('"');
        if (style != 0) {
            rows.append(" s=\"").append(style).append('"');
        }
        if (text == null) {
            rows.append("/>");
            return;
        }
        rows.append(" t=\"inlineStr\"><is>");
        PackageXml.textElement(FindingsLayout.limit(text), rows);
        rows.append("</is></c>");
    }
}
