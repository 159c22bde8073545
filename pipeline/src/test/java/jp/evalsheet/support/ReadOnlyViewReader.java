package jp.evalsheet.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A separate analyst process: opens the warehouse with nothing but the plain DuckDB JDBC driver and
 * the read-only URL the job prints, counts the rows of every analyst view, and tries one write, one
 * read of a file and one write of a file (over the warehouse itself), which must all fail. Prints
 * {@code view_name row_count} lines, then {@code write refused}, {@code file read refused} and
 * {@code file write refused}.
 */
public final class ReadOnlyViewReader {

    public static void main(String[] args) throws SQLException {
        String url = jp.evalsheet.job.IngestionCommand.readOnlyUrl(java.nio.file.Path.of(args[0]));
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            List<String> views = new ArrayList<>();
            try (ResultSet result = statement.executeQuery("select table_name from information_schema.tables "
                    + "where table_type = 'VIEW' and table_name like 'v\\_%' escape '\\' order by table_name")) {
                while (result.next()) {
                    views.add(result.getString(1));
                }
            }
            for (String view : views) {
                try (ResultSet result = statement.executeQuery("select count(*) from " + view)) {
                    result.next();
                    System.out.println(view + " " + result.getLong(1));
                }
            }
            try {
                statement.execute("delete from fct_project_costs");
                System.out.println("write accepted");
            } catch (SQLException e) {
                System.out.println("write refused");
            }
            try (ResultSet result = statement.executeQuery("select count(*) from read_text('" + args[0] + "')")) {
                System.out.println("file read accepted");
            } catch (SQLException e) {
                System.out.println("file read refused");
            }
            try {
                statement.execute("copy (select 1 as x) to '" + args[0] + "' (format csv)");
                System.out.println("file write accepted");
            } catch (SQLException e) {
                System.out.println("file write refused");
            }
        }
    }
}
