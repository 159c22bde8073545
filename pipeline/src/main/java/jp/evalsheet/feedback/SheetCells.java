package jp.evalsheet.feedback;

import java.util.List;

import org.apache.poi.ss.util.CellReference;
import org.w3c.dom.Element;

/**
 * Finding and creating the {@code <row>} and {@code <c>} elements of a worksheet's DOM, keeping
 * rows and cells in order, and the style a cell shows. Refuses, with a {@link PackageFallback}, a
 * sheet whose rows or cells do not say where they are.
 */
final class SheetCells {

    private SheetCells() {
    }

    /** A {@code <c>} element, and whether it was just created. */
    record Cell(Element element, boolean created) {
    }

    /** The cell at a zero-based row and column, created (with its row) when the sheet has none. */
    static Cell cell(Element worksheet, int rowIndex, int columnIndex) throws PackageFallback {
        Element sheetData = PackageXml.child(worksheet, PackageXml.MAIN_NS, "sheetData");
        if (sheetData == null) {
            throw new PackageFallback("a worksheet has no sheetData");
        }
        Element row = null;
        Element rowAfter = null;
        for (Element existing : PackageXml.children(sheetData, PackageXml.MAIN_NS, "row")) {
            int r = number(existing, "r", "a row without its number") - 1;
            if (r == rowIndex) {
                row = existing;
                break;
            }
            if (r > rowIndex) {
                rowAfter = existing;
                break;
            }
        }
        if (row == null) {
            row = PackageXml.create(worksheet, "row");
            row.setAttribute("r", Integer.toString(rowIndex + 1));
            sheetData.insertBefore(row, rowAfter);
        }
        Element cellAfter = null;
        for (Element existing : PackageXml.children(row, PackageXml.MAIN_NS, "c")) {
            CellReference reference = reference(existing);
            if (reference.getRow() != rowIndex) {
                throw new PackageFallback("a cell " + existing.getAttribute("r") + " in row " + (rowIndex + 1));
            }
            if (reference.getCol() == columnIndex) {
                return new Cell(existing, false);
            }
            if (reference.getCol() > columnIndex) {
                cellAfter = existing;
                break;
            }
        }
        Element cell = PackageXml.create(worksheet, "c");
        cell.setAttribute("r", new CellReference(rowIndex, columnIndex).formatAsString(false));
        // spans is a hint of the row's first and last cell, optional, and would now be wrong
        row.removeAttribute("spans");
        row.insertBefore(cell, cellAfter);
        widenDimension(worksheet, rowIndex, columnIndex);
        return new Cell(cell, true);
    }

    /**
     * The cellXfs index a cell shows: its own {@code s}; for a cell just created, its row's style when
     * the row has one, else its column's, as Excel shows an empty cell.
     */
    static int styleIndex(Element worksheet, Cell found) throws PackageFallback {
        Element cell = found.element();
        if (cell.hasAttribute("s")) {
            return number(cell, "s", "a cell with an unreadable style");
        }
        if (!found.created()) {
            return 0;
        }
        Element row = (Element) cell.getParentNode();
        if (row.hasAttribute("s") && ("1".equals(row.getAttribute("customFormat"))
                || "true".equals(row.getAttribute("customFormat")))) {
            return number(row, "s", "a row with an unreadable style");
        }
        int column = reference(cell).getCol() + 1;
        Element cols = PackageXml.child(worksheet, PackageXml.MAIN_NS, "cols");
        if (cols != null) {
            for (Element col : PackageXml.children(cols, PackageXml.MAIN_NS, "col")) {
                if (number(col, "min", "a column range without min") <= column
                        && column <= number(col, "max", "a column range without max") && col.hasAttribute("style")) {
                    return number(col, "style", "a column with an unreadable style");
                }
            }
        }
        return 0;
    }

    private static CellReference reference(Element cell) throws PackageFallback {
        String r = cell.getAttribute("r");
        if (r.isEmpty()) {
            throw new PackageFallback("a cell without its address");
        }
        try {
            CellReference reference = new CellReference(r);
            if (reference.getRow() < 0 || reference.getCol() < 0 || reference.getSheetName() != null) {
                throw new PackageFallback("a cell with an unreadable address " + r);
            }
            return reference;
        } catch (RuntimeException e) {
            throw new PackageFallback("a cell with an unreadable address " + r);
        }
    }

    private static int number(Element element, String attribute, String what) throws PackageFallback {
        try {
            return Integer.parseInt(element.getAttribute(attribute).strip());
        } catch (NumberFormatException e) {
            throw new PackageFallback(what + ": " + element.getAttribute(attribute));
        }
    }

    /** Widens {@code <dimension ref>} to a new cell; an unreadable one is left as it is. */
    private static void widenDimension(Element worksheet, int row, int column) {
        Element dimension = PackageXml.child(worksheet, PackageXml.MAIN_NS, "dimension");
        if (dimension == null) {
            return;
        }
        String[] ends = dimension.getAttribute("ref").split(":");
        try {
            List<CellReference> references = ends.length == 1 ? List.of(new CellReference(ends[0]))
                    : List.of(new CellReference(ends[0]), new CellReference(ends[1]));
            CellReference first = references.get(0);
            CellReference last = references.get(references.size() - 1);
            CellReference newFirst = new CellReference(Math.min(first.getRow(), row), Math.min(first.getCol(), column));
            CellReference newLast = new CellReference(Math.max(last.getRow(), row), Math.max(last.getCol(), column));
            dimension.setAttribute("ref", newFirst.formatAsString(false) + ":" + newLast.formatAsString(false));
        } catch (RuntimeException e) {
            // a hint only: Excel does not rely on it
        }
    }
}
