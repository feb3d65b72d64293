package dev.onmodel.core.store;

import dev.onmodel.core.media.MovieProbe;
import dev.onmodel.core.media.SequenceScanner;
import dev.onmodel.core.model.Decision;
import dev.onmodel.core.model.Project;
import dev.onmodel.core.model.Role;
import dev.onmodel.core.model.Verdict;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;

/**
 * Benchmarks of the review store and import (a command, not a test: it prints figures and their ratio to the
 * targets of issue 3). Run from the repository root:
 *
 * <pre>
 * mvn -B -q -o -pl core test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp core/target/classes:core/target/test-classes:$(cat core/target/cp.txt) dev.onmodel.core.store.StoreBenchmark [WORKDIR]
 * </pre>
 *
 * WORKDIR (default: a new folder under the system temp dir) must be on the disk whose fsync cost you want to
 * measure; it is deleted afterwards.
 */
public final class StoreBenchmark {

    private static final ImportOptions METADATA = ImportOptions.metadataOnly()
            .withMovieProbe(MovieProbe.unavailable("not needed"));

    private StoreBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path work = args.length > 0 ? Files.createDirectories(Path.of(args[0]))
                : Files.createTempDirectory("onmodel-bench");
        System.out.println("OnModel store benchmark, work folder " + work + ", "
                + Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version")
                + ", load average " + java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                .getSystemLoadAverage());
        try {
            decisionLatency(Files.createDirectories(work.resolve("latency")));
            scanTenThousand(Files.createDirectories(work.resolve("scan")));
            openLargeProject(Files.createDirectories(work.resolve("large")));
        } finally {
            deleteTree(work);
        }
    }

    private static void decisionLatency(Path project) throws Exception {
        decisionLatency(Files.createDirectories(project.resolve("full")), StoreOptions.Durability.POWER_LOSS_SAFE);
        decisionLatency(Files.createDirectories(project.resolve("normal")), StoreOptions.Durability.PROCESS_CRASH_SAFE);
    }

    private static void decisionLatency(Path project, StoreOptions.Durability durability) throws Exception {
        System.out.println("durability " + durability + ":");
        try (ReviewStore store = ReviewStore.open(project, StoreOptions.defaults().withBackupsToKeep(0)
                .withDurability(durability))) {
            for (int i = 0; i < 200; i++) { // warm-up: JIT, page cache
                store.record(DecisionRequest.frame("sh000", "v001", i, Verdict.APPROVE, "", "bench", Role.LEAD, "warm"));
            }
            int n = 2000;
            long[] nanos = new long[n];
            for (int i = 0; i < n; i++) {
                long start = System.nanoTime();
                store.record(DecisionRequest.frame("sh010", "v001", 1001 + i, i % 3 == 0 ? Verdict.REJECT
                        : Verdict.APPROVE, "note " + i, "bench", Role.LEAD, "bench"));
                nanos[i] = System.nanoTime() - start;
            }
            Arrays.sort(nanos);
            double median = nanos[n / 2] / 1e6;
            double p99 = nanos[(int) (n * 0.99)] / 1e6;
            System.out.printf("  decision (1 frame, incl. commit): n=%d median %.2f ms, p99 %.2f ms,"
                    + " max %.2f ms; target p99 <= 5 ms: ratio %.2f%n", n, median, p99, nanos[n - 1] / 1e6, p99 / 5.0);
            int ranges = 100;
            long[] rangeNanos = new long[ranges];
            for (int i = 0; i < ranges; i++) {
                long start = System.nanoTime();
                Decision d = store.record(DecisionRequest.range("sh020", "v001", 1001, 2000, Verdict.REWORK, "",
                        "bench", Role.LEAD, "bench"));
                rangeNanos[i] = System.nanoTime() - start;
                if (d.frames().length() != 1000) {
                    throw new IllegalStateException("range not recorded whole");
                }
            }
            Arrays.sort(rangeNanos);
            System.out.printf("  decision (1,000-frame range, one transaction): n=%d median %.2f ms, p99 %.2f ms%n",
                    ranges, rangeNanos[ranges / 2] / 1e6, rangeNanos[(int) (ranges * 0.99)] / 1e6);
            double[] read = new double[5];
            int decided = 0;
            for (int i = 0; i < read.length; i++) {
                long start = System.nanoTime();
                decided = store.effectiveDecisions("sh010", "v001").size();
                read[i] = (System.nanoTime() - start) / 1e6;
            }
            System.out.printf("  effective state of a variant with %d decided frames (%d records): first %.1f ms,"
                    + " best %.1f ms%n", decided, n, read[0], Arrays.stream(read).min().orElseThrow());
        }
    }

    private static byte[] tinyPng() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(4, 4, BufferedImage.TYPE_INT_ARGB), "png", out);
        return out.toByteArray();
    }

    private static void scanTenThousand(Path project) throws Exception {
        Path dir = Files.createDirectories(project.resolve("shots/sh010/v001"));
        byte[] png = tinyPng();
        for (int f = 1; f <= 10_000; f++) {
            Files.write(dir.resolve(String.format("sh010_v001.%05d.png", f)), png);
        }
        // the files were just written: their metadata is cached, as it is when an artist saved them a moment ago
        double[] scan = new double[5];
        for (int i = 0; i < scan.length; i++) {
            long start = System.nanoTime();
            SequenceScanner.FolderContents contents = SequenceScanner.scan(dir);
            if (contents.sequences().get(0).files().size() != 10_000) {
                throw new IllegalStateException("scan lost frames");
            }
            scan[i] = (System.nanoTime() - start) / 1e6;
        }
        System.out.printf("scan 10,000-frame sequence (list + group, names only): first %.0f ms, best %.0f ms%n",
                scan[0], Arrays.stream(scan).min().orElseThrow());
        try (ReviewStore store = ReviewStore.open(project, StoreOptions.defaults().withBackupsToKeep(0))) {
            MediaImporter importer = new MediaImporter(store, METADATA);
            long start = System.nanoTime();
            ImportReport first = importer.importProject();
            double firstMs = (System.nanoTime() - start) / 1e6;
            start = System.nanoTime();
            ImportReport again = importer.importProject();
            double rescanMs = (System.nanoTime() - start) / 1e6;
            System.out.printf("import 10,000 frames metadata-only (scan + stat + record in store): first %.0f ms,"
                    + " rescan unchanged %.0f ms; target <= 1000 ms: ratio %.2f / %.2f (%d frames, %d changes)%n",
                    firstMs, rescanMs, firstMs / 1000, rescanMs / 1000, first.frames(),
                    again.changes().added().size() + again.changes().changed().size());
            MediaImporter full = new MediaImporter(store, ImportOptions.defaults()
                    .withMovieProbe(MovieProbe.unavailable("not needed")));
            Files.walk(dir).filter(Files::isRegularFile).forEach(p -> touch(p));
            start = System.nanoTime();
            full.importProject();
            System.out.printf("re-import 10,000 touched frames with header checks + SHA-256 (for comparison): %.0f ms%n",
                    (System.nanoTime() - start) / 1e6);
        }
    }

    private static void touch(Path p) {
        try {
            Files.setLastModifiedTime(p, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis()));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void openLargeProject(Path project) throws Exception {
        byte[] png = tinyPng();
        for (int s = 1; s <= 100; s++) {
            for (int v = 1; v <= 5; v++) {
                String shot = String.format("sh%03d", s * 10);
                String variant = String.format("v%03d", v);
                Path dir = Files.createDirectories(project.resolve("shots").resolve(shot).resolve(variant));
                for (int f = 1001; f <= 1100; f++) {
                    Files.write(dir.resolve(shot + "_" + variant + "." + f + ".png"), png);
                }
            }
        }
        try (ReviewStore store = ReviewStore.open(project, StoreOptions.defaults().withBackupsToKeep(0))) {
            long start = System.nanoTime();
            new MediaImporter(store, METADATA).importProject();
            System.out.printf("import 100 shots x 5 variants x 100 frames metadata-only: %.0f ms%n",
                    (System.nanoTime() - start) / 1e6);
            List<DecisionRequest> requests = new ArrayList<>();
            for (int s = 1; s <= 100; s++) {
                String shot = String.format("sh%03d", s * 10);
                for (int v = 1; v <= 5; v++) {
                    String variant = String.format("v%03d", v);
                    requests.add(DecisionRequest.range(shot, variant, 1001, 1100, Verdict.REWORK, "", "lead",
                            Role.LEAD, "anim 1"));
                    for (int f = 1001; f <= 1100; f += 10) {
                        requests.add(DecisionRequest.frame(shot, variant, f, Verdict.REJECT, "pop", "dir",
                                Role.DIRECTOR, "dir"));
                    }
                }
                store.chooseHero(shot, "v001", dev.onmodel.core.time.FrameRange.ofInclusive(1001, 1100), "ed", "");
            }
            store.recordAll(requests);
            System.out.printf("  with %d decisions and 100 hero choices recorded%n", requests.size());
        }
        System.out.printf("  onmodel.db size: %.1f MB%n", Files.size(project.resolve("onmodel.db")) / 1e6);
        double[] open = new double[5];
        for (int i = 0; i < open.length; i++) {
            long start = System.nanoTime();
            try (ReviewStore store = ReviewStore.open(project, StoreOptions.defaults().withBackupsToKeep(0))) {
                Project loaded = store.loadProject().orElseThrow();
                Map<VariantKey, NavigableMap<Long, Decision>> decisions = store.allEffectiveDecisions();
                Map<String, HeroChoice> heroes = store.heroes();
                open[i] = (System.nanoTime() - start) / 1e6;
                long frames = loaded.shots().stream().flatMap(s -> s.variants().stream())
                        .mapToLong(v -> v.media().frameNumbers().size()).sum();
                if (frames != 50_000 || decisions.size() != 500 || heroes.size() != 100) {
                    throw new IllegalStateException("timeline state incomplete: " + frames + " frames, "
                            + decisions.size() + " variants decided, " + heroes.size() + " heroes");
                }
            }
        }
        double best = Arrays.stream(open).min().orElseThrow();
        System.out.printf("open store + load structure (50,000 frames) + effective decisions + heroes: first %.0f ms"
                + " (cold JVM), best %.0f ms; target <= 1000 ms: ratio %.2f / %.2f%n", open[0], best, open[0] / 1000,
                best / 1000);
    }

    private static void deleteTree(Path root) throws IOException {
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
