package jp.evalsheet.grid;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a CSV file saved from Excel as a single sheet named after the file (without extension).
 *
 * <p>The encoding is detected, not guessed from the platform: a UTF-8 byte order mark means UTF-8;
 * otherwise bytes that decode strictly as UTF-8 are UTF-8; otherwise bytes that decode strictly as
 * {@code windows-31j} (CP932, the Shift_JIS Excel writes on Japanese Windows) are CP932; anything else
 * (UTF-16, EUC-KR, binary data) is refused. Fields follow RFC 4180 as Excel writes them: quoted
 * fields may hold commas, doubled quotes and line breaks.
 *
 * <p>Each non-empty field becomes a cell whose text is the field as written; the number is set only
 * when the field is a plain number such as {@code 10059}, {@code -84} or {@code 77.5} (a formatted
 * {@code 40,923} or {@code 7.2%} keeps only its text, as the CSV holds no number formats).
 *
 * <p>A file with more non-empty fields than allowed, or with a non-empty field below the row limit,
 * is refused as soon as the parse reaches it.
 */
public final class CsvReader implements WorkbookReader {

    /** The Shift_JIS variant Excel writes on Japanese Windows. */
    public static final Charset CP932 = Charset.forName("windows-31j");

    private static final Pattern PLAIN_NUMBER =
            Pattern.compile("-?(?:[0-9]+(?:\\.[0-9]+)?|\\.[0-9]+)(?:[eE][-+]?[0-9]+)?");

    private static final CSVFormat FORMAT = CSVFormat.EXCEL.builder()
            .setIgnoreEmptyLines(false)
            .setIgnoreSurroundingSpaces(false)
            .setTrim(false)
            .get();

    private final int maxCellsPerSheet;
    private final int maxRowsPerSheet;

    public CsvReader() {
        this(XlsxStreamingReader.DEFAULT_MAX_CELLS_PER_SHEET, XlsxStreamingReader.DEFAULT_MAX_ROWS_PER_SHEET);
    }

    /** A reader that refuses files holding more than {@code maxCellsPerSheet} non-empty fields. */
    public CsvReader(int maxCellsPerSheet) {
        this(maxCellsPerSheet, XlsxStreamingReader.DEFAULT_MAX_ROWS_PER_SHEET);
    }

    /**
     * A reader that refuses files holding more than {@code maxCellsPerSheet} non-empty fields or a
     * non-empty field in a line (record) numbered above {@code maxRowsPerSheet} (counted from 1).
     */
    public CsvReader(int maxCellsPerSheet, int maxRowsPerSheet) {
        this.maxCellsPerSheet = XlsxStreamingReader.positive("maxCellsPerSheet", maxCellsPerSheet);
        this.maxRowsPerSheet = XlsxStreamingReader.positive("maxRowsPerSheet", maxRowsPerSheet);
    }

    @Override
    public void read(Path file, Consumer<SheetGrid> sheets) throws WorkbookReadException {
        if (FileSniffer.sniff(file) == FileSniffer.Kind.EMPTY) {
            throw new WorkbookReadException(ReadMessages.EMPTY, file, null);
        }
        Encoding encoding = detectEncoding(file);
        String sheetName = java.text.Normalizer.normalize(FileSniffer.baseName(file), java.text.Normalizer.Form.NFC);
        SheetGrid grid = parse(file, encoding, sheetName);
        sheets.accept(grid);
    }

    /** The charset of a CSV file by the rules above. */
    public static Charset detectCharset(Path file) throws WorkbookReadException {
        return detectEncoding(file).charset();
    }

    private record Encoding(Charset charset, int bomLength) {
    }

    private static Encoding detectEncoding(Path file) throws WorkbookReadException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(3);
        } catch (IOException e) {
            throw new WorkbookReadException("the file cannot be read: " + e.getMessage(), file, e);
        }
        if (head.length == 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
            return new Encoding(StandardCharsets.UTF_8, 3);
        }
        boolean utf16Bom = head.length >= 2 && ((head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE
                || (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF);
        if (!utf16Bom) {
            if (decodesStrictly(file, StandardCharsets.UTF_8)) {
                return new Encoding(StandardCharsets.UTF_8, 0);
            }
            if (decodesStrictly(file, CP932)) {
                return new Encoding(CP932, 0);
            }
        }
        throw new WorkbookReadException(ReadMessages.CSV_ENCODING, file, null);
    }

    /** Whether the whole file decodes without a malformed or unmappable byte, and holds no NUL character. */
    private static boolean decodesStrictly(Path file, Charset charset) throws WorkbookReadException {
        try (Reader reader = new InputStreamReader(Files.newInputStream(file), strictDecoder(charset))) {
            char[] buffer = new char[8192];
            int read;
            while ((read = reader.read(buffer)) != -1) {
                for (int i = 0; i < read; i++) {
                    if (buffer[i] == '\0') {
                        return false;
                    }
                }
            }
            return true;
        } catch (CharacterCodingException e) {
            return false;
        } catch (IOException e) {
            throw new WorkbookReadException("the file cannot be read: " + e.getMessage(), file, e);
        }
    }

    private static CharsetDecoder strictDecoder(Charset charset) {
        return charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    private SheetGrid parse(Path file, Encoding encoding, String sheetName) throws WorkbookReadException {
        SheetGrid.Builder builder = SheetGrid.builder(sheetName);
        int count = 0;
        try (InputStream in = Files.newInputStream(file)) {
            in.skipNBytes(encoding.bomLength());
            Reader reader = new InputStreamReader(in, strictDecoder(encoding.charset()));
            try (CSVParser parser = CSVParser.builder().setReader(reader).setFormat(FORMAT).get()) {
                int row = 0;
                for (CSVRecord record : parser) {
                    for (int column = 0; column < record.size(); column++) {
                        String field = record.get(column);
                        if (field == null || field.isEmpty()) {
                            continue;
                        }
                        if (row >= maxRowsPerSheet) {
                            throw new WorkbookReadException(ReadMessages.tooManyRows(sheetName, maxRowsPerSheet),
                                    file, sheetName, null);
                        }
                        if (++count > maxCellsPerSheet) {
                            throw new WorkbookReadException(ReadMessages.tooManyCells(sheetName, maxCellsPerSheet),
                                    file, sheetName, null);
                        }
                        builder.cell(new GridCell(row, column, field, plainNumber(field), null));
                    }
                    row++;
                }
            }
        } catch (CharacterCodingException e) {
            throw new WorkbookReadException(ReadMessages.CSV_ENCODING, file, sheetName, e);
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new WorkbookReadException("the CSV file cannot be parsed: " + e.getMessage(), file, sheetName, e);
        }
        return builder.build();
    }

    /** The value of a field that is a plain number ({@code 10059}, {@code -84}, {@code 77.5}), else {@code null}. */
    static Double plainNumber(String field) {
        return PLAIN_NUMBER.matcher(field).matches() ? Double.valueOf(field) : null;
    }
}
