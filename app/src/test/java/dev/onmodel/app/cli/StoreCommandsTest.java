package dev.onmodel.app.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The store commands as pipelines use them: import, decide (CSV on stdin), decisions, backup, restore. */
class StoreCommandsTest {

    @TempDir
    Path project;

    record Run(int exitCode, String stdout, String stderr) {
        List<String> lines() {
            return stdout.lines().toList();
        }
    }

    static Run run(String stdin, String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        InputStream oldIn = System.in;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
            int code = OnModelCommand.run(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
            System.setIn(oldIn);
        }
    }

    private void sequence(String shot, String variant, int first, int last, int skip) throws IOException {
        Path dir = Files.createDirectories(project.resolve("shots").resolve(shot).resolve(variant));
        for (int f = first; f <= last; f++) {
            if (f != skip) {
                ImageIO.write(new BufferedImage(8, 6, BufferedImage.TYPE_INT_ARGB), "png",
                        dir.resolve(shot + "_" + variant + "." + f + ".png").toFile());
            }
        }
    }

    @Test
    void importPrintsTheReportAndExitsOneWhenItListsProblems() throws Exception {
        sequence("sh010", "v001", 1001, 1010, 1004);
        Run run = run("", "import", "--project", project.toString());
        assertEquals(1, run.exitCode(), run.stdout() + run.stderr());
        assertTrue(run.stdout().contains("9 frames"), run.stdout());
        assertTrue(run.stdout().contains("gap") && run.stdout().contains("frame 1004 missing"), run.stdout());

        Files.write(project.resolve("shots/sh010/v001/sh010_v001.1004.png"),
                Files.readAllBytes(project.resolve("shots/sh010/v001/sh010_v001.1003.png")));
        Run rescan = run("", "import", "--project", project.toString());
        assertEquals(0, rescan.exitCode(), rescan.stdout());
        assertTrue(rescan.stdout().contains("Changes: 1 added, 0 removed, 0 changed"), rescan.stdout());
    }

    @Test
    void decideAnswersEveryLineAfterCommitAndGoesOnAfterErrors() throws Exception {
        sequence("sh010", "v001", 1001, 1048, -1);
        assertEquals(0, run("", "import", "-p", project.toString()).exitCode());
        String csv = "shot,variant,first,last,verdict,reviewer,role,pass,note\n"
                + "sh010,v001,1001,1012,reject,ana,lead,anim 2,\"arm off model, redo\"\n"
                + "sh010,v001,1013,1013,approve,dora,director,director approval,\n"
                + "sh010,v001,1013,1099,approve,dora,director,director approval,\n"
                + "sh010,v001,1014,1014,perhaps,dora,director,director approval,\n"
                + "\n"
                + "sh010,v001,1015,1016,rework,ana,lead,anim 2\n";
        Run run = run(csv, "decide", "--project", project.toString());
        assertEquals(List.of("ok 2", "ok 3", "error 4 frames 1013-1099 are outside sh010/v001 (frames 1001-1048)",
                "error 5 unknown verdict 'perhaps' (use approve, reject or rework)", "ok 7"), run.lines());
        assertEquals(1, run.exitCode());

        Path out = project.resolve("anim2.csv");
        Run export = run("", "decisions", "--project", project.toString(), "--pass", "anim 2", "--csv", out.toString());
        assertEquals(0, export.exitCode(), export.stderr());
        List<String> rows = Files.readAllLines(out);
        assertEquals(3, rows.size(), rows.toString());
        assertTrue(rows.get(0).startsWith("id,recorded_at,action,target,shot,variant,first,last,verdict"), rows.get(0));
        assertTrue(rows.get(1).contains(",set,,sh010,v001,1001,1012,reject,ana,lead,anim 2,\"arm off model, redo\",true"),
                rows.get(1));
        assertFalse(Files.exists(project.resolve("anim2.csv.tmp")));

        Run effective = run("", "decisions", "-p", project.toString(), "--effective", "--csv", "-");
        assertTrue(effective.stdout().contains("sh010,v001,1013,1013,approve,"), effective.stdout());
    }

    @Test
    void aDamagedDatabaseIsReportedInOneLineAndRestoreBringsBackTheLastBackup() throws Exception {
        sequence("sh010", "v001", 1001, 1005, -1);
        run("", "import", "-p", project.toString());
        assertEquals(List.of("ok 1"), run("sh010,v001,1001,1001,approve,a,lead,p,\n", "decide", "-p",
                project.toString()).lines());
        Run backup = run("", "backup", "-p", project.toString());
        assertEquals(0, backup.exitCode(), backup.stderr());
        assertTrue(backup.stdout().startsWith("backed up to "), backup.stdout());

        try (RandomAccessFile f = new RandomAccessFile(project.resolve("onmodel.db").toFile(), "rw")) {
            f.write(new byte[100]);
        }
        Run broken = run("", "decisions", "-p", project.toString(), "--csv", "-");
        assertEquals(1, broken.exitCode());
        assertEquals(1, broken.stderr().lines().count(), broken.stderr());
        assertTrue(broken.stderr().contains("onmodel restore"), broken.stderr());
        assertFalse(broken.stderr().contains("Exception"), broken.stderr());

        Run restore = run("", "restore", "-p", project.toString());
        assertEquals(0, restore.exitCode(), restore.stderr());
        assertTrue(restore.stdout().contains("replaced database is kept"), restore.stdout());
        Run after = run("", "decisions", "-p", project.toString(), "--csv", "-");
        assertEquals(0, after.exitCode(), after.stderr());
        assertEquals(2, after.lines().size(), after.stdout());
    }

    @Test
    void missingProjectFolderIsAUsageError() {
        Run run = run("", "decide", "--project", project.resolve("nope").toString());
        assertEquals(OnModelCommand.EXIT_USAGE, run.exitCode());
        assertTrue(run.stderr().contains("not a project folder"), run.stderr());
    }
}
