package dev.onmodel.core.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One numbered schema step: the SQL that takes the database from {@code version - 1} to {@code version}.
 * Shipped migrations are never edited; a change is a new migration.
 */
public record Migration(int version, String description, String sql) {

    public Migration {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(sql, "sql");
        if (version < 1) {
            throw new IllegalArgumentException("migration versions start at 1: " + version);
        }
    }

    /**
     * The SQL split into single statements: the JDBC driver runs one statement per call, and a trigger body's
     * semicolons must not end its statement (a statement that starts with CREATE TRIGGER ends at its END;).
     */
    public List<String> statements() {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : sql.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                continue;
            }
            current.append(line).append('\n');
            String soFar = current.toString().strip().toUpperCase(Locale.ROOT);
            boolean trigger = soFar.startsWith("CREATE TRIGGER");
            boolean ends = trigger ? trimmed.toUpperCase(Locale.ROOT).equals("END;") : trimmed.endsWith(";");
            if (ends) {
                statements.add(current.toString().strip());
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            statements.add(current.toString().strip());
        }
        return statements;
    }
}
