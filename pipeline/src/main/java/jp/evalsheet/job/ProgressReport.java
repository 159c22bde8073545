package jp.evalsheet.job;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.infrastructure.item.Chunk;

import jp.evalsheet.submission.Submission;

/**
 * A line on standard error as the files are loaded, so that an operator watching a long run sees it
 * move: files done of the total, facts written, files per second, time taken and time left, e.g.
 * {@code loading: 3,456 / 31,232 files (11%), 375,210 facts, 352 files/s, 9.8 s elapsed, about 79 s left}.
 * One line after a chunk when {@link #INTERVAL_NANOS} have passed since the last, and one after the
 * last chunk; then a line as publishing starts and lines as the feedback workbooks are written
 * ({@link FeedbackProgress}); none with {@code --quiet}. Standard output keeps the run's summary alone.
 */
public final class ProgressReport implements ChunkListener<Submission, Submission> {

    /** At most one line per this interval (2 s), however small the chunks. */
    static final long INTERVAL_NANOS = 2_000_000_000L;

    private final LongSupplier totalFiles;
    private final LongSupplier factsWritten;
    private final PrintStream out;
    private long started = -1;
    private long lastPrinted;
    private long filesDone;

    /**
     * @param totalFiles the files the step reads, known once it has listed the folder
     * @param factsWritten the facts written so far
     */
    public ProgressReport(LongSupplier totalFiles, LongSupplier factsWritten, PrintStream out) {
        this.totalFiles = totalFiles;
        this.factsWritten = factsWritten;
        this.out = out;
    }

    @Override
    public void beforeChunk(Chunk<Submission> chunk) {
        if (started < 0) {
            started = System.nanoTime();
            lastPrinted = started;
        }
    }

    @Override
    public void afterChunk(Chunk<Submission> chunk) {
        filesDone += chunk.size();
        long now = System.nanoTime();
        long total = totalFiles.getAsLong();
        if (now - lastPrinted >= INTERVAL_NANOS || filesDone >= total) {
            lastPrinted = now;
            out.println(line(filesDone, total, factsWritten.getAsLong(), now - started));
        }
    }

    /**
     * Progress of the feedback workbooks, as {@link FeedbackProgress#accept} is told of each: a line when
     * {@link #INTERVAL_NANOS} have passed since the last, and one when the last is written, e.g.
     * {@code feedback: 12,000 / 31,232 workbooks (38%), 1,180 workbooks/s, 10.2 s elapsed, about 16 s left}.
     */
    public static final class FeedbackProgress implements java.util.function.BiConsumer<Integer, Integer> {
        private final PrintStream out;
        private final long started = System.nanoTime();
        private long lastPrinted = started;

        public FeedbackProgress(PrintStream out) {
            this.out = out;
        }

        @Override
        public synchronized void accept(Integer done, Integer total) {
            long now = System.nanoTime();
            if (now - lastPrinted >= INTERVAL_NANOS || done.intValue() == total.intValue()) {
                lastPrinted = now;
                out.println(feedbackLine(done, total, now - started));
            }
        }
    }

    /** The progress line of {@code done} of {@code total} feedback workbooks after {@code elapsedNanos}. */
    static String feedbackLine(long done, long total, long elapsedNanos) {
        double seconds = elapsedNanos / 1e9;
        double rate = seconds > 0 ? done / seconds : 0;
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
                "feedback: %,d / %,d workbooks (%d%%), %,.0f workbooks/s, %.1f s elapsed", done, total,
                total == 0 ? 100 : done * 100 / total, rate, seconds));
        if (done < total && rate > 0) {
            line.append(String.format(Locale.ROOT, ", about %,.0f s left", (total - done) / rate));
        }
        return line.toString();
    }

    /** The progress line of {@code done} of {@code total} files and {@code facts} facts after {@code elapsedNanos}. */
    static String line(long done, long total, long facts, long elapsedNanos) {
        double seconds = elapsedNanos / 1e9;
        double rate = seconds > 0 ? done / seconds : 0;
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
                "loading: %,d / %,d files (%d%%), %,d facts, %,.0f files/s, %.1f s elapsed", done, total,
                total == 0 ? 100 : done * 100 / total, facts, rate, seconds));
        if (done < total && rate > 0) {
            line.append(String.format(Locale.ROOT, ", about %,.0f s left", (total - done) / rate));
        }
        return line.toString();
    }
}
