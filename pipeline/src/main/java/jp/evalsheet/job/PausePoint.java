package jp.evalsheet.job;

import java.util.concurrent.TimeUnit;

/**
 * Named points of a run where the crash tests stop the job to kill it: when the system property
 * {@code evalsheet.pause-at} names a point, the run prints {@code PAUSED <point>} and waits there
 * until the process is killed, or, when {@code evalsheet.pause-resume=stdin}, until a line comes on
 * standard input (so that a test can change the input folder mid-run). Without the property (always,
 * outside those tests) this does nothing.
 * Points, in the order a run reaches them: {@code opening} (inside the transaction that records the
 * run in {@code etl_load_runs}), {@code loading:<chunk>} (inside a chunk's transaction, after its rows
 * are appended), {@code publishing} (inside the publishing transaction, before the data tests),
 * {@code feedback} (after the run was published in the working copy, before the feedback workbooks
 * are written) and {@code swapping} (after the run completed, before the working copy replaces the
 * warehouse).
 */
public final class PausePoint {

    private static final String PROPERTY = "evalsheet.pause-at";
    private static final String RESUME = "evalsheet.pause-resume";

    private PausePoint() {
    }

    public static void reach(String point) {
        if (!point.equals(System.getProperty(PROPERTY))) {
            return;
        }
        System.out.println("PAUSED " + point);
        System.out.flush();
        if ("stdin".equals(System.getProperty(RESUME))) {
            try {
                new java.io.BufferedReader(new java.io.InputStreamReader(System.in, java.nio.charset.StandardCharsets.UTF_8)).readLine();
                return;
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        try {
            while (true) {
                TimeUnit.HOURS.sleep(1);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted at pause point " + point, e);
        }
    }
}
