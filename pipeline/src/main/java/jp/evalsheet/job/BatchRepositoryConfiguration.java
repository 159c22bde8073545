package jp.evalsheet.job;

import org.springframework.batch.core.configuration.support.JdbcDefaultBatchConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.annotation.Isolation;

/**
 * Keeps Spring Batch's job repository inside the warehouse file, in the schema {@code batch}
 * (created by migration V001), so that job history and loaded data commit in the same transactions
 * and a failed run can be restarted from the same file. DuckDB is not a database Spring Batch
 * knows; its PostgreSQL dialect (sequences, {@code nextval}) runs on DuckDB unchanged. DuckDB
 * rejects the default SERIALIZABLE isolation for creating job executions, so the default level is used.
 */
@Configuration(proxyBeanMethods = false)
public class BatchRepositoryConfiguration extends JdbcDefaultBatchConfiguration {

    @Override
    protected String getDatabaseType() {
        return "POSTGRES";
    }

    @Override
    protected Isolation getIsolationLevelForCreate() {
        return Isolation.DEFAULT;
    }

    @Override
    protected String getTablePrefix() {
        return "batch.BATCH_";
    }
}
