package jp.evalsheet.samples;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormat;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * The cell styles of the sample workbooks, as the printed sheets look: thin borders everywhere,
 * bold labels, wrapped narrative text, and one style per number format (created once per workbook).
 */
final class SampleStyles {

    final CellStyle text;
    final CellStyle wrapped;
    final CellStyle label;
    private final Workbook workbook;
    private final DataFormat formats;
    private final Map<String, CellStyle> numberStyles = new LinkedHashMap<>();

    /** @param wrapLabels whether labels wrap inside their cell (the strategy and welfare sheets' do) */
    SampleStyles(Workbook workbook, boolean wrapLabels) {
        this.workbook = workbook;
        this.formats = workbook.createDataFormat();
        this.text = bordered(workbook.createCellStyle());
        this.wrapped = bordered(workbook.createCellStyle());
        wrapped.setWrapText(true);
        wrapped.setVerticalAlignment(VerticalAlignment.TOP);
        this.label = bordered(workbook.createCellStyle());
        var bold = workbook.createFont();
        bold.setBold(true);
        label.setFont(bold);
        label.setWrapText(wrapLabels);
    }

    /** A bordered style showing numbers in the given Excel format, e.g. {@code #,##0} or {@code 0"件"}. */
    CellStyle number(String format) {
        return numberStyles.computeIfAbsent(format, f -> {
            CellStyle style = bordered(workbook.createCellStyle());
            style.setDataFormat(formats.getFormat(f));
            return style;
        });
    }

    private static CellStyle bordered(CellStyle style) {
        style.setBorderBottom(BorderStyle.THIN);
        style.setBorderTop(BorderStyle.THIN);
        style.setBorderLeft(BorderStyle.THIN);
        style.setBorderRight(BorderStyle.THIN);
        return style;
    }
}
