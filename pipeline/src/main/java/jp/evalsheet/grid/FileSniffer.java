package jp.evalsheet.grid;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/** Recognises a file by its first bytes, whatever its name says. */
final class FileSniffer {

    /** What the first bytes of a file say it is. */
    enum Kind {
        /** Zero bytes. */
        EMPTY,
        /** A zip archive ({@code PK\3\4}): .xlsx, .xlsm (or another OOXML/zip file). */
        ZIP,
        /** An OLE2 compound file ({@code D0 CF 11 E0}): .xls, or an encrypted OOXML workbook. */
        OLE2,
        /** Anything else, e.g. text. */
        OTHER
    }

    private static final byte[] ZIP_MAGIC = {0x50, 0x4B, 0x03, 0x04};
    private static final byte[] OLE2_MAGIC = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0,
        (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};

    /** The stream an encrypted OOXML file (password-protected .xlsx) keeps in its OLE2 container. */
    static final String ENCRYPTION_INFO = "EncryptionInfo";

    private FileSniffer() {
    }

    static Kind sniff(Path file) throws WorkbookReadException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(OLE2_MAGIC.length);
        } catch (IOException e) {
            throw new WorkbookReadException("the file cannot be read: " + e.getMessage(), file, e);
        }
        if (head.length == 0) {
            return Kind.EMPTY;
        }
        if (startsWith(head, ZIP_MAGIC)) {
            return Kind.ZIP;
        }
        if (startsWith(head, OLE2_MAGIC)) {
            return Kind.OLE2;
        }
        return Kind.OTHER;
    }

    /** Whether an OLE2 file is an encrypted OOXML package (it holds an {@code EncryptionInfo} stream). */
    static boolean isEncryptedOoxml(Path file) throws WorkbookReadException {
        try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
            DirectoryNode root = fs.getRoot();
            return root.hasEntryCaseInsensitive(ENCRYPTION_INFO);
        } catch (IOException | RuntimeException e) {
            throw new WorkbookReadException(ReadMessages.NOT_XLS, file, e);
        }
    }

    /** The lower-case extension of a file name without the dot, or {@code ""}. */
    static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** The file name without its last extension. */
    static String baseName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? name : name.substring(0, dot);
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
