package jp.evalsheet.job;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/**
 * The first thing that went wrong in this process's run, for the operator's last line. When the
 * warehouse cannot be written (a full disk), the failure of the chunk's commit is followed by others
 * that only say the job could not record it ("cannot commit - no transaction is active"); the last
 * exception is one of those, the first names the cause ("Could not write file …: No space left on
 * device").
 */
public final class FirstFailure {

    private static final AtomicReference<Throwable> FIRST = new AtomicReference<>();

    /**
     * Records a step's failures when the step ends: before the job repository records its end, which
     * on a full disk fails too, and before the job's own listeners, which it then no longer reaches.
     */
    static final StepExecutionListener STEP_LISTENER = new StepExecutionListener() {
        @Override
        public ExitStatus afterStep(StepExecution stepExecution) {
            stepExecution.getFailureExceptions().forEach(FirstFailure::record);
            return null;
        }
    };

    private FirstFailure() {
    }

    /** Records the first failure of a finished job: of its steps in their order, then of the job itself. */
    static void record(JobExecution execution) {
        for (StepExecution step : execution.getStepExecutions()) {
            for (Throwable failure : step.getFailureExceptions()) {
                record(failure);
            }
        }
        for (Throwable failure : execution.getFailureExceptions()) {
            record(failure);
        }
    }

    private static void record(Throwable failure) {
        FIRST.compareAndSet(null, failure);
    }

    /** The first failure recorded since {@link #clear()}. */
    public static Optional<Throwable> get() {
        return Optional.ofNullable(FIRST.get());
    }

    /** Forgets what an earlier run of this process recorded. */
    public static void clear() {
        FIRST.set(null);
    }

    /** The innermost cause of {@code failure}: what an operator can act on. */
    public static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
