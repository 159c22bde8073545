package jp.evalsheet.support;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * An analyst's process that keeps one read-only connection open: on each {@code query} line from
 * standard input it prints the latest published run and the number of current sheets; on
 * {@code exit} it closes the connection and ends.
 */
public final class HeldReadOnlyReader {

    public static void main(String[] args) throws Exception {
        BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + args[0] + ";duckdb.read_only=true");
                Statement statement = connection.createStatement()) {
            System.out.println("connected");
            for (String command = commands.readLine(); command != null && !command.equals("exit"); command = commands.readLine()) {
                try (ResultSet result = statement.executeQuery("select (select max(load_run_id) from etl_load_runs), "
                        + "(select count(*) from v_current_sheet_loads)")) {
                    result.next();
                    System.out.println("run " + result.getLong(1) + " sheets " + result.getLong(2));
                }
            }
        }
    }
}
