package jp.evalsheet.feedback;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The additions the feedback makes to a package's {@code styles.xml}, as a DOM: for each flagged
 * cell's format, a clone with a solid error or warning fill; and the formats of the findings sheet
 * (bold title, bold grey bordered header, wrapped text, link, error and warning fills). Existing
 * entries are never changed, so every index the package already uses keeps its meaning.
 */
final class PackageStyles {

    /** The cellXfs indexes of the findings sheet's formats. */
    record FindingsStyles(int title, int header, int text, int link, int error, int warning) {
    }

    /** A flagged cell's own format and the fill it gets. */
    private record FlaggedKey(int original, String rgb) {
    }

    private final Element root;
    private final Element fonts;
    private final Element fills;
    private final Element borders;
    private final Element cellXfs;
    private final List<Element> originalXfs;
    private final Map<String, Integer> fillsByRgb = new HashMap<>();
    private final Map<FlaggedKey, Integer> flagged = new HashMap<>();
    private FindingsStyles findings;

    PackageStyles(Document styles) throws PackageFallback {
        root = styles.getDocumentElement();
        if (!PackageXml.MAIN_NS.equals(root.getNamespaceURI()) || !"styleSheet".equals(root.getLocalName())) {
            throw new PackageFallback("the styles part is not a transitional styleSheet");
        }
        fonts = PackageXml.child(root, PackageXml.MAIN_NS, "fonts");
        fills = PackageXml.child(root, PackageXml.MAIN_NS, "fills");
        borders = PackageXml.child(root, PackageXml.MAIN_NS, "borders");
        cellXfs = PackageXml.child(root, PackageXml.MAIN_NS, "cellXfs");
        Element cellStyleXfs = PackageXml.child(root, PackageXml.MAIN_NS, "cellStyleXfs");
        // the new formats refer to the first font, fill, border and cell style
        if (fonts == null || fills == null || borders == null || cellXfs == null || cellStyleXfs == null
                || PackageXml.children(fonts, PackageXml.MAIN_NS, "font").isEmpty()
                || PackageXml.children(fills, PackageXml.MAIN_NS, "fill").isEmpty()
                || PackageXml.children(borders, PackageXml.MAIN_NS, "border").isEmpty()
                || PackageXml.children(cellStyleXfs, PackageXml.MAIN_NS, "xf").isEmpty()
                || PackageXml.children(cellXfs, PackageXml.MAIN_NS, "xf").isEmpty()) {
            throw new PackageFallback("the styles part lacks fonts, fills, borders or cell formats");
        }
        originalXfs = PackageXml.children(cellXfs, PackageXml.MAIN_NS, "xf");
    }

    Document document() {
        return root.getOwnerDocument();
    }

    /** The format of a flagged cell: its own format {@code original} with a solid fill of {@code rgb}. */
    int flagged(int original, String rgb) throws PackageFallback {
        if (original < 0 || original >= originalXfs.size()) {
            throw new PackageFallback("a cell has the format " + original + ", which the styles part does not have");
        }
        Integer known = flagged.get(new FlaggedKey(original, rgb));
        if (known != null) {
            return known;
        }
        Element xf = (Element) originalXfs.get(original).cloneNode(true);
        xf.setAttribute("fillId", Integer.toString(fill(rgb)));
        xf.setAttribute("applyFill", "1");
        int index = append(cellXfs, xf);
        flagged.put(new FlaggedKey(original, rgb), index);
        return index;
    }

    /** The formats of the findings sheet, added on first use. */
    FindingsStyles findings() {
        if (findings == null) {
            int titleFont = font(true, false, "14");
            int boldFont = font(true, false, null);
            int linkFont = font(false, true, null);
            Element border = PackageXml.create(root, "border");
            for (String side : List.of("left", "right", "top", "bottom", "diagonal")) {
                Element edge = PackageXml.create(root, side);
                if (side.equals("bottom")) {
                    edge.setAttribute("style", "thin");
                }
                border.appendChild(edge);
            }
            int bottomBorder = append(borders, border);
            findings = new FindingsStyles(xf(titleFont, 0, 0, false), xf(boldFont, fill("D9D9D9"), bottomBorder, true),
                    xf(0, 0, 0, true), xf(linkFont, 0, 0, true), xf(0, fill(FindingsLayout.ERROR_RGB), 0, true),
                    xf(0, fill(FindingsLayout.WARNING_RGB), 0, true));
        }
        return findings;
    }

    /** Sets the counts of the lists that grew. */
    void finish() {
        for (Element list : List.of(fonts, fills, borders, cellXfs)) {
            list.setAttribute("count", Integer.toString(PackageXml.elements(list).size()));
        }
    }

    private int fill(String rgb) {
        Integer known = fillsByRgb.get(rgb);
        if (known != null) {
            return known;
        }
        Element fill = PackageXml.create(root, "fill");
        Element pattern = PackageXml.create(root, "patternFill");
        pattern.setAttribute("patternType", "solid");
        Element foreground = PackageXml.create(root, "fgColor");
        foreground.setAttribute("rgb", "FF" + rgb);
        Element background = PackageXml.create(root, "bgColor");
        background.setAttribute("indexed", "64");
        pattern.appendChild(foreground);
        pattern.appendChild(background);
        fill.appendChild(pattern);
        int index = append(fills, fill);
        fillsByRgb.put(rgb, index);
        return index;
    }

    /** The workbook's default font (the first) made bold, or a blue underlined link, or of another size. */
    private int font(boolean bold, boolean link, String size) {
        Element font = (Element) PackageXml.children(fonts, PackageXml.MAIN_NS, "font").get(0).cloneNode(true);
        for (Element property : PackageXml.elements(font)) {
            String name = property.getLocalName();
            if ((bold && name.equals("b")) || (link && (name.equals("u") || name.equals("color")))
                    || (size != null && name.equals("sz"))) {
                font.removeChild(property);
            }
        }
        // CT_Font is a choice: its properties may come in any order
        if (bold) {
            font.insertBefore(PackageXml.create(root, "b"), font.getFirstChild());
        }
        if (link) {
            Element underline = PackageXml.create(root, "u");
            font.insertBefore(underline, font.getFirstChild());
            Element color = PackageXml.create(root, "color");
            color.setAttribute("indexed", "12");
            font.appendChild(color);
        }
        if (size != null) {
            Element sz = PackageXml.create(root, "sz");
            sz.setAttribute("val", size);
            font.appendChild(sz);
        }
        return append(fonts, font);
    }

    private int xf(int font, int fill, int border, boolean wrapTop) {
        Element xf = PackageXml.create(root, "xf");
        xf.setAttribute("numFmtId", "0");
        xf.setAttribute("fontId", Integer.toString(font));
        xf.setAttribute("fillId", Integer.toString(fill));
        xf.setAttribute("borderId", Integer.toString(border));
        xf.setAttribute("xfId", "0");
        if (font != 0) {
            xf.setAttribute("applyFont", "1");
        }
        if (fill != 0) {
            xf.setAttribute("applyFill", "1");
        }
        if (border != 0) {
            xf.setAttribute("applyBorder", "1");
        }
        if (wrapTop) {
            xf.setAttribute("applyAlignment", "1");
            Element alignment = PackageXml.create(root, "alignment");
            alignment.setAttribute("vertical", "top");
            alignment.setAttribute("wrapText", "1");
            xf.appendChild(alignment);
        }
        return append(cellXfs, xf);
    }

    private static int append(Element list, Element item) {
        int index = PackageXml.elements(list).size();
        list.appendChild(item);
        return index;
    }
}
