package dev.onmodel.app.cli;

import dev.onmodel.core.store.DecisionRecord;
import dev.onmodel.core.store.ReviewStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The durability promise from outside, as a pipeline sees it: {@code onmodel decide} in its own process gets
 * decisions on stdin as fast as a script can write them and is killed with SIGKILL; every line it answered
 * {@code ok <n>} for is in the project afterwards.
 */
class DecidePipeDurabilityTest {

    @TempDir
    Path project;

    @Test
    void everyLineAnsweredOkSurvivesSigkillOfTheDecideProcess() throws Exception {
        Random random = new Random();
        Set<Integer> acknowledged = ConcurrentHashMap.newKeySet();
        int written = 0;
        for (int round = 0; round < 2; round++) {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process process = new ProcessBuilder(java, "-Xmx128m", "-XX:TieredStopAtLevel=1", "-cp",
                    System.getProperty("java.class.path"), "dev.onmodel.app.Main", "decide", "--project",
                    project.toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            int offset = written;
            Thread feeder = new Thread(() -> {
                try (OutputStream in = process.getOutputStream()) {
                    for (int line = 1; line <= 100_000; line++) {
                        int frame = offset + line;
                        in.write(("sh010,v001," + frame + "," + frame + ",approve,pipe,lead,p,frame " + frame + "\n")
                                .getBytes(StandardCharsets.UTF_8));
                        in.flush();
                    }
                } catch (IOException e) {
                    // the process was killed: the pipe is gone
                }
            }, "decide-feeder");
            feeder.start();
            CountDownLatch firstOk = new CountDownLatch(1);
            Thread reader = new Thread(() -> {
                try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = out.readLine()) != null) {
                        if (line.startsWith("ok ")) {
                            acknowledged.add(offset + Integer.parseInt(line.substring(3)));
                            firstOk.countDown();
                        }
                    }
                } catch (IOException | NumberFormatException e) {
                    // killed mid-line: what was read is what it acknowledged
                }
            }, "decide-reader");
            reader.start();
            assertTrue(firstOk.await(60, TimeUnit.SECONDS), "decide never answered ok");
            Thread.sleep(100 + random.nextInt(600));
            process.destroyForcibly();
            assertTrue(process.waitFor(10, TimeUnit.SECONDS));
            reader.join(5000);
            feeder.join(5000);
            assertEquals(137, process.exitValue());
            written += 100_000;
        }
        try (ReviewStore store = ReviewStore.open(project)) {
            assertEquals("ok", store.integrityCheck());
            Set<Integer> stored = store.log(Optional.empty()).stream().map(DecisionRecord::decision)
                    .map(d -> (int) d.frames().start()).collect(Collectors.toSet());
            assertTrue(acknowledged.size() > 2, "too few acknowledgements: " + acknowledged.size());
            for (int frame : acknowledged) {
                assertTrue(stored.contains(frame), "decision for frame " + frame + " was acknowledged but is lost");
            }
        }
    }
}
