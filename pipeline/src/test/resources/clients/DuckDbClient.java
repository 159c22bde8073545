import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * A plain JDBC client, run by the tests as a single source file with one DuckDB driver on its class
 * path ({@code java -cp duckdb_jdbc-1.3.2.0.jar DuckDbClient.java <url> <query>...}): prints DuckDB's
 * version ({@code select version()}), then for each query a line {@code # <query>} followed by its rows, columns joined by
 * {@code |} as {@link ResultSet#getString} gives them.
 */
public class DuckDbClient {

    public static void main(String[] args) throws Exception {
        try (Connection connection = DriverManager.getConnection(args[0]); Statement statement = connection.createStatement()) {
            try (ResultSet version = statement.executeQuery("select version()")) {
                version.next();
                System.out.println("version " + version.getString(1));
            }
            for (int i = 1; i < args.length; i++) {
                System.out.println("# " + args[i]);
                try (ResultSet rows = statement.executeQuery(args[i])) {
                    int columns = rows.getMetaData().getColumnCount();
                    while (rows.next()) {
                        StringBuilder line = new StringBuilder();
                        for (int column = 1; column <= columns; column++) {
                            line.append(column > 1 ? "|" : "").append(rows.getString(column));
                        }
                        System.out.println(line);
                    }
                }
            }
        }
    }
}
