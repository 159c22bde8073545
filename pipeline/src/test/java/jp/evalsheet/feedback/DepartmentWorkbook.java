package jp.evalsheet.feedback;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFCreationHelper;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A small department submission: sheet 施策611 with a merged title (A1:D1), a commented department
 * name (C3, comment by 山田), a text where a cost belongs (D5) and two costs sharing one bold,
 * bordered {@code #,##0} style (C12, D12); sheet 施策612 with a value merged across B5:D5.
 *
 * <p>{@code fixtures/feedback/department-sheet.xls} is this workbook saved by {@link #write} and
 * converted with {@code soffice --headless --convert-to xls}.
 */
final class DepartmentWorkbook {

    private DepartmentWorkbook() {
    }

    static XSSFWorkbook create() {
        return create(true);
    }

    /** The workbook, with or without the comment on C3. */
    static XSSFWorkbook create(boolean commented) {
        XSSFWorkbook workbook = new XSSFWorkbook();
        XSSFCreationHelper helper = workbook.getCreationHelper();

        XSSFSheet policy = workbook.createSheet("施策611");
        policy.createRow(0).createCell(0).setCellValue("施策評価シート");
        policy.addMergedRegion(CellRangeAddress.valueOf("A1:D1"));
        XSSFRow department = policy.createRow(2);
        department.createCell(1).setCellValue("担当課");
        department.createCell(2).setCellValue("人権庶務課");
        if (commented) {
            ClientAnchor anchor = helper.createClientAnchor();
            anchor.setCol1(3);
            anchor.setCol2(5);
            anchor.setRow1(2);
            anchor.setRow2(5);
            Comment note = policy.createDrawingPatriarch().createCellComment(anchor);
            note.setString(helper.createRichTextString("課長確認済み"));
            note.setAuthor("山田");
            department.getCell(2).setCellComment(note);
        }
        XSSFRow text = policy.createRow(4);
        text.createCell(1).setCellValue("事業費");
        text.createCell(3).setCellValue("約7千");

        XSSFFont bold = workbook.createFont();
        bold.setBold(true);
        XSSFCellStyle cost = workbook.createCellStyle();
        cost.setFont(bold);
        cost.setBorderBottom(BorderStyle.THIN);
        cost.setDataFormat(workbook.createDataFormat().getFormat("#,##0"));
        XSSFRow costs = policy.createRow(11);
        costs.createCell(1).setCellValue("計");
        costs.createCell(2).setCellValue(10059);
        costs.getCell(2).setCellStyle(cost);
        costs.createCell(3).setCellValue(40923);
        costs.getCell(3).setCellStyle(cost);
        policy.setColumnWidth(1, 20 * 256);

        XSSFSheet indicators = workbook.createSheet("施策612");
        XSSFRow header = indicators.createRow(1);
        header.createCell(1).setCellValue("指標");
        header.createCell(2).setCellValue("目標値");
        indicators.createRow(4).createCell(1).setCellValue("前年度比 増加");
        indicators.addMergedRegion(CellRangeAddress.valueOf("B5:D5"));
        return workbook;
    }

    static Path write(Path file) throws IOException {
        return write(file, true);
    }

    /** Saves the workbook, with or without the comment on C3. */
    static Path write(Path file, boolean commented) throws IOException {
        try (XSSFWorkbook workbook = create(commented); OutputStream out = Files.newOutputStream(file)) {
            workbook.write(out);
        }
        return file;
    }
}
