package jp.evalsheet.feedback;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

/**
 * The Japanese text a department reads for each rule of a finding, from the catalogue
 * {@value #RESOURCE} (UTF-8, one {@code rule = text} line per rule code): what is wrong and what to
 * do, in the form's own labels. The feedback workbook shows it above the run log's English message,
 * which keeps the specifics (values, cells); a rule without a text gets {@link #GENERIC}. The console
 * and {@code etl_messages} stay English.
 *
 * <p>A properties file rather than a Java map: the texts are prose that the planning office may want to
 * reword without reading code, one line each, and a missing or stale key is caught by a test either way.
 */
public final class FindingTexts {

    /** The catalogue on the class path. */
    public static final String RESOURCE = "/feedback/findings_ja.properties";

    /** The Japanese sentence of a rule the catalogue has no text for. */
    public static final String GENERIC = "確認が必要な点があります。内容は次の英文のとおりです。";

    private static final Map<String, String> TEXTS = load();

    private FindingTexts() {
    }

    /** The Japanese text of {@code rule}, if the catalogue has one. */
    public static Optional<String> japanese(String rule) {
        return Optional.ofNullable(rule == null ? null : TEXTS.get(rule));
    }

    /** Every rule the catalogue has a text for, sorted. */
    public static Set<String> rules() {
        return TEXTS.keySet();
    }

    /**
     * What the department reads for a finding: the Japanese text of its rule (or {@link #GENERIC}),
     * then the English {@code message} on a line of its own.
     */
    public static String forDepartment(String rule, String message) {
        return japanese(rule).orElse(GENERIC) + "\n" + message;
    }

    /** {@code item} with the message the department reads ({@link #forDepartment(String, String)}). */
    static FeedbackItem forDepartment(FeedbackItem item) {
        return new FeedbackItem(item.severity(), item.sheetName(), item.cell(), item.rule(),
                forDepartment(item.rule(), item.message()), item.rawText());
    }

    private static Map<String, String> load() {
        Properties properties = new Properties();
        try (InputStream in = FindingTexts.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the catalogue " + RESOURCE + " is not on the class path");
            }
            // Properties.load(InputStream) reads ISO-8859-1; the catalogue is UTF-8, and a decoder that reports
            // malformed input refuses one saved in another encoding instead of showing mojibake
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder())) {
                properties.load(reader);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the catalogue " + RESOURCE + " cannot be read", e);
        }
        Map<String, String> texts = new TreeMap<>();
        properties.forEach((rule, text) -> {
            String value = ((String) text).strip();
            if (value.isEmpty()) {
                throw new IllegalStateException("the catalogue " + RESOURCE + " has an empty text for " + rule);
            }
            texts.put((String) rule, value);
        });
        return Collections.unmodifiableMap(texts);
    }
}
