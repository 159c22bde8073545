package jp.evalsheet.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link XlsxPackageEditor}: what it writes back of a package it did not change, and where a sheet
 * it adds goes.
 */
class XlsxPackageEditorTests {

    @TempDir
    Path temp;

    @Test
    void shouldCopyUnchangedPartsAsTheirCompressedBytesAndAddASheetFirst() throws Exception {
        Map<String, byte[]> parts = NewXlsxPackage.parts(NewXlsxPackage.workbook(List.of("既存"), new BitSet()),
                NewXlsxPackage.styles(false).getBytes(StandardCharsets.UTF_8), List.of(sheet()));
        // compressed otherwise than the editor compresses: the sheet stored, the others at the best level
        Path submission = temp.resolve("submission.xlsx");
        try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(submission)) {
            out.setLevel(Deflater.BEST_COMPRESSION);
            for (Map.Entry<String, byte[]> part : parts.entrySet()) {
                ZipArchiveEntry entry = new ZipArchiveEntry(part.getKey());
                entry.setMethod(part.getKey().endsWith("sheet1.xml") ? ZipEntry.STORED : ZipEntry.DEFLATED);
                out.putArchiveEntry(entry);
                out.write(part.getValue());
                out.closeArchiveEntry();
            }
        }

        Path edited = temp.resolve("edited.xlsx");
        try (XlsxPackageEditor editor = XlsxPackageEditor.open(submission)) {
            editor.addFirstSheet("新規", sheet());
            editor.writeTo(edited);
        }

        try (ZipFile before = ZipFile.builder().setPath(submission).get();
                ZipFile after = ZipFile.builder().setPath(edited).get()) {
            assertThat(Collections.list(after.getEntriesInPhysicalOrder())).extracting(ZipArchiveEntry::getName)
                    .containsExactly("[Content_Types].xml", "_rels/.rels", "xl/workbook.xml",
                            "xl/_rels/workbook.xml.rels", "xl/styles.xml", "xl/worksheets/sheet1.xml",
                            "xl/worksheets/sheet2.xml");
            for (String unchanged : List.of("_rels/.rels", "xl/styles.xml", "xl/worksheets/sheet1.xml")) {
                assertThat(after.getEntry(unchanged).getMethod()).isEqualTo(before.getEntry(unchanged).getMethod());
                assertThat(raw(after, unchanged)).isEqualTo(raw(before, unchanged));
            }
            assertThat(text(after, "xl/workbook.xml"))
                    .contains("<sheets><sheet name=\"新規\" r:id=\"rId3\" sheetId=\"2\"/><sheet name=\"既存\"");
            assertThat(text(after, "xl/_rels/workbook.xml.rels"))
                    .contains("<Relationship Id=\"rId3\" Target=\"/xl/worksheets/sheet2.xml\" Type=\""
                            + XlsxPackageEditor.WORKSHEET + "\"/>");
            assertThat(text(after, "[Content_Types].xml")).contains("<Override ContentType=\""
                    + XlsxPackageEditor.WORKSHEET_TYPE + "\" PartName=\"/xl/worksheets/sheet2.xml\"/>");
        }
    }

    private static byte[] sheet() {
        return NewXlsxPackage.endWorksheet(List.of(), NewXlsxPackage.startWorksheet("A1", 256).append("<sheetData>"));
    }

    private static byte[] raw(ZipFile zip, String name) throws Exception {
        try (InputStream in = zip.getRawInputStream(zip.getEntry(name))) {
            return in.readAllBytes();
        }
    }

    private static String text(ZipFile zip, String name) throws Exception {
        try (InputStream in = zip.getInputStream(zip.getEntry(name))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
