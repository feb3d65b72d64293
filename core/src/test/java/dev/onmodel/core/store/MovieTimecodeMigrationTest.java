package dev.onmodel.core.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Schema 3: a store written before movies' start timecodes were recorded opens with its movies at 00:00:00:00. */
class MovieTimecodeMigrationTest {

    @TempDir
    Path project;

    @Test
    void aSchemaTwoMovieIsReadAtTimecodeZeroAfterTheUpgrade() throws Exception {
        Path db = project.resolve("onmodel.db");
        List<Migration> shipped = ReviewStore.migrations();
        assertEquals(3, shipped.get(2).version());
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            ReviewStore.migrate(c, project, shipped.subList(0, 2));
            try (Statement s = c.createStatement()) {
                s.execute("INSERT INTO shot (name, position, rate, cut_length, cast_list) VALUES ('sh050', 0, '24',"
                        + " 48, '')");
                s.execute("INSERT INTO variant (shot, name, kind, location, first_frame, frame_count, rate, width,"
                        + " height) VALUES ('sh050', 'v001', 'movie', 'shots/sh050/v001/take.mov', 1, 48, '24', 64,"
                        + " 48)");
            }
        }
        // Opening the store upgrades it.
        ReviewStore.open(project).close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT source_start, (SELECT user_version FROM pragma_user_version)"
                     + " FROM variant")) {
            rs.next();
            assertEquals(0, rs.getLong(1));
            assertEquals(ReviewStore.SCHEMA_VERSION, rs.getInt(2));
        }
    }
}
