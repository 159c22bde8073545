package jp.evalsheet.samples;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.poi.hssf.usermodel.HSSFRow;
import org.apache.poi.hssf.usermodel.HSSFSheet;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;

/**
 * Submissions far larger than an evaluation sheet, written at test time (never committed): a sheet of
 * numbers pasted under a title, as an .xlsx written part by part at the zip level (a million rows in
 * about a second), an .xls through POI, or a CSV.
 */
public final class LargeWorkbooks {

    private static final String TITLE = "施策評価シート";

    private LargeWorkbooks() {
    }

    /**
     * An .xlsx of one sheet: {@value #TITLE} in A1, then {@code rows - 1} rows of {@code columns}
     * numbers each (row numbers count from 1, as Excel shows them).
     */
    public static Path xlsx(Path target, String sheetName, int rows, int columns) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(target))) {
            zip.setLevel(Deflater.BEST_SPEED);
            part(zip, "[Content_Types].xml", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
                    <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
                    <Default Extension="xml" ContentType="application/xml"/>\
                    <Override PartName="/xl/workbook.xml" \
                    ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
                    <Override PartName="/xl/worksheets/sheet1.xml" \
                    ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>""");
            part(zip, "_rels/.rels", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                    <Relationship Id="rId1" Target="xl/workbook.xml" \
                    Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"/>\
                    </Relationships>""");
            part(zip, "xl/workbook.xml", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
                    xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
                    <sheets><sheet name="%s" sheetId="1" r:id="rId1"/></sheets></workbook>""".formatted(sheetName));
            part(zip, "xl/_rels/workbook.xml.rels", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                    <Relationship Id="rId1" Target="worksheets/sheet1.xml" \
                    Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"/>\
                    </Relationships>""");
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            Writer xml = new java.io.BufferedWriter(new java.io.OutputStreamWriter(new Unclosed(zip), StandardCharsets.UTF_8),
                    1 << 16);
            xml.write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<worksheet xmlns="
                    + "\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
                    + "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>" + TITLE + "</t></is></c></row>");
            for (int r = 2; r <= rows; r++) {
                xml.write("<row r=\"");
                xml.write(Integer.toString(r));
                xml.write("\">");
                for (int c = 0; c < columns; c++) {
                    xml.write("<c><v>");
                    xml.write(Integer.toString(r + c));
                    xml.write("</v></c>");
                }
                xml.write("</row>");
            }
            xml.write("</sheetData></worksheet>");
            xml.flush();
            zip.closeEntry();
        }
        return target;
    }

    /** An .xls of one sheet laid out as {@link #xlsx} lays it out, written by POI. */
    public static Path xls(Path target, String sheetName, int rows, int columns) throws IOException {
        try (HSSFWorkbook workbook = new HSSFWorkbook(); OutputStream out = Files.newOutputStream(target)) {
            HSSFSheet sheet = workbook.createSheet(sheetName);
            sheet.createRow(0).createCell(0).setCellValue(TITLE);
            for (int r = 1; r < rows; r++) {
                HSSFRow row = sheet.createRow(r);
                for (int c = 0; c < columns; c++) {
                    row.createCell(c).setCellValue(r + 1 + c);
                }
            }
            workbook.write(out);
        }
        return target;
    }

    /** A UTF-8 CSV laid out as {@link #xlsx} lays it out. */
    public static Path csv(Path target, int rows, int columns) throws IOException {
        try (Writer csv = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
            csv.write(TITLE + "\r\n");
            for (int r = 2; r <= rows; r++) {
                for (int c = 0; c < columns; c++) {
                    if (c > 0) {
                        csv.write(',');
                    }
                    csv.write(Integer.toString(r + c));
                }
                csv.write("\r\n");
            }
        }
        return target;
    }

    private static void part(ZipOutputStream zip, String name, String xml) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(xml.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    /** The zip stream, left open when the writer over one of its entries is done with. */
    private static final class Unclosed extends java.io.FilterOutputStream {
        Unclosed(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
