package dev.onmodel.core.store;

import dev.onmodel.core.model.Role;
import dev.onmodel.core.model.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The durability promise tested from outside: a child JVM records decisions as fast as it can and is killed with
 * SIGKILL ({@link Process#destroyForcibly()} on Linux and macOS) at random moments; every decision it printed as
 * acknowledged must be in the database afterwards, and the database must pass {@code PRAGMA integrity_check}.
 */
class StoreDurabilityTest {

    private static final int ROUNDS = 8;

    @TempDir
    Path project;

    private static ProcessBuilder child(Path project, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                DurabilityChild.class.getName(), project.toString()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true);
    }

    /** Reads "ack <id> <frame>" lines into {@code acks}; counts down {@code firstAck} at the first one. */
    private static Thread reader(Process process, Map<Long, Long> acks, CountDownLatch firstAck, List<String> other) {
        Thread t = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    if (line.startsWith("ack ")) {
                        String[] parts = line.split(" ");
                        acks.put(Long.parseLong(parts[1]), Long.parseLong(parts[2]));
                        firstAck.countDown();
                    } else if (!line.equals("open") && !line.equals("done") && !line.startsWith("SLF4J")) {
                        other.add(line);
                    }
                }
            } catch (IOException e) {
                // the child was killed mid-line: what was read so far is what it acknowledged
            }
        }, "child-output");
        t.start();
        return t;
    }

    @Test
    void everyAcknowledgedDecisionSurvivesSigkillAtRandomMoments() throws Exception {
        ReviewStore.open(project).close();
        Random random = new Random();
        Map<Long, Long> acknowledged = new ConcurrentHashMap<>();
        List<String> stray = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            Process process = child(project, "killed-" + round).start();
            CountDownLatch firstAck = new CountDownLatch(1);
            Thread out = reader(process, acknowledged, firstAck, stray);
            assertTrue(firstAck.await(30, TimeUnit.SECONDS), "child never acknowledged a decision: " + stray);
            Thread.sleep(random.nextInt(1200));
            process.destroyForcibly();
            assertTrue(process.waitFor(10, TimeUnit.SECONDS));
            out.join(5000);
            assertEquals(137, process.exitValue(), "child did not die of SIGKILL; output: " + stray);
            System.out.println("round " + round + ": " + acknowledged.size() + " acknowledged so far");
        }
        assertTrue(acknowledged.size() > ROUNDS, "too few acknowledgements to mean anything: " + acknowledged.size());
        try (ReviewStore store = ReviewStore.open(project)) {
            assertEquals("ok", store.integrityCheck());
            Map<Long, Long> stored = store.log(Optional.empty()).stream()
                    .collect(Collectors.toMap(DecisionRecord::id, r -> r.decision().frames().start()));
            for (Map.Entry<Long, Long> ack : acknowledged.entrySet()) {
                assertEquals(ack.getValue(), stored.get(ack.getKey()), "acknowledged decision " + ack.getKey() + " lost");
            }
        }
    }

    @Test
    void twoProcessesRecordIntoOneProjectAtOnce() throws Exception {
        ReviewStore.open(project).close();
        Process process = child(project, "other-process", "150", "5001").start();
        Map<Long, Long> childAcks = new ConcurrentHashMap<>();
        List<String> stray = new ArrayList<>();
        Thread out = reader(process, childAcks, new CountDownLatch(1), stray);
        List<Long> mine = new ArrayList<>();
        try (ReviewStore store = ReviewStore.open(project)) {
            for (int i = 0; i < 150; i++) {
                mine.add(store.record(dev.onmodel.core.store.DecisionRequest.frame("sh010", "v001", 1 + i,
                        Verdict.APPROVE, "", "this-process", Role.LEAD, "durability")).id());
            }
            assertTrue(process.waitFor(60, TimeUnit.SECONDS));
            out.join(5000);
            assertEquals(0, process.exitValue(), "child failed: " + stray);
            assertEquals(150, childAcks.size());
            assertTrue(stray.isEmpty(), "child printed: " + stray);
            List<DecisionRecord> log = store.log(Optional.empty());
            assertEquals(300, log.size());
            assertEquals(300, store.effectiveDecisions("sh010", "v001").size());
            assertEquals("ok", store.integrityCheck());
        }
    }
}
