package jp.evalsheet.job;

import java.sql.Connection;
import java.time.LocalDateTime;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.datasource.DataSourceUtils;

import jp.evalsheet.load.WarehouseWriter;
import jp.evalsheet.submission.Submission;

/** Writes a chunk of read submissions as pending sheet loads, in the chunk's transaction. */
public final class SubmissionItemWriter implements ItemWriter<Submission> {

    private final DataSource dataSource;
    private final WarehouseWriter writer = new WarehouseWriter();
    private int chunks;
    private final java.util.concurrent.atomic.AtomicLong factsWritten = new java.util.concurrent.atomic.AtomicLong();

    public SubmissionItemWriter(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The facts this writer has written (in chunks committed or not), for the progress lines. */
    public long factsWritten() {
        return factsWritten.get();
    }

    @Override
    public void write(Chunk<? extends Submission> chunk) throws Exception {
        long loadRunId = StepSynchronizationManager.getContext().getStepExecution().getJobExecution().getJobInstanceId();
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            factsWritten.addAndGet(writer.write(connection, loadRunId, List.copyOf(chunk.getItems()), LocalDateTime.now()).facts());
            PausePoint.reach("loading:" + ++chunks);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }
}
