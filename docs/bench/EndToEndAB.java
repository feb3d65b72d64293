import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Side-by-side end-to-end scoring and decode-only reading of builds of the core: the first 200 frames of a folder
 * (sorted by name), {@code FrameDecoder.readSubsampled} (decode only) and {@code ConsistencyEngine.analyze} then
 * {@code score} (end to end, no temporal context) on one thread, for each build in its own class loader in one JVM,
 * the builds and both rows taking turns within every round, thread CPU time per frame, the first 10 s not counted.
 * Prints each build's decode-only and end-to-end CPU time per frame, their difference (the analysis' share) and ratio.
 *
 * <p>Why: {@code onmodel bench} measures one build, and its ratio moves from run to run by more than most changes to
 * the analysis. Listing the same jar twice shows the spread between two copies of identical code in one process (it
 * was up to 25 % in decode speed on 2026-11-24: each copy is compiled by the JIT on its own).
 *
 * <p>Usage (JDK 17): {@code javac -d /tmp/ee EndToEndAB.java && java -Xmx3g -cp /tmp/ee EndToEndAB LIBDIR JAR1 JAR2
 * ... SHEET FRAMES SECONDS}, where LIBDIR holds the core's dependencies ({@code app/target/lib}; a core jar in it is
 * ignored) and each JAR is a core build ({@code core/target/onmodel-core-*.jar}, copied aside).
 */
public class EndToEndAB {

    private static final class Build {
        final String name;
        final Object engine;
        final Method analyze;
        final Method score;
        final Method readSubsampled;
        final int workingSize;
        final long maxPixels;

        Build(String jar, Path libs, Path sheet) throws Exception {
            name = jar;
            List<URL> urls = new ArrayList<>();
            urls.add(Path.of(jar).toUri().toURL());
            try (var files = Files.list(libs)) {
                for (Path f : files.toList()) {
                    if (!f.getFileName().toString().startsWith("onmodel-core")) {
                        urls.add(f.toUri().toURL());
                    }
                }
            }
            ClassLoader loader = new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader());
            Class<?> engineClass = loader.loadClass("dev.onmodel.core.consistency.ConsistencyEngine");
            Class<?> sheets = loader.loadClass("dev.onmodel.core.consistency.SheetFolders");
            Class<?> settingsClass = loader.loadClass("dev.onmodel.core.consistency.ScoringSettings");
            Class<?> analysis = loader.loadClass("dev.onmodel.core.consistency.FrameAnalysis");
            Object settings = settingsClass.getMethod("defaults").invoke(null);
            workingSize = (int) settingsClass.getMethod("workingSize").invoke(settings);
            maxPixels = (long) settingsClass.getMethod("maxPixels").invoke(settings);
            Object characterSheet = sheets.getMethod("read", Path.class).invoke(null, sheet);
            engine = engineClass.getMethod("load", List.class, settingsClass).invoke(null, List.of(characterSheet),
                    settings);
            analyze = engineClass.getMethod("analyze", Path.class, List.class);
            score = engineClass.getMethod("score", analysis, analysis, analysis);
            readSubsampled = loader.loadClass("dev.onmodel.core.consistency.decode.FrameDecoder")
                    .getMethod("readSubsampled", Path.class, int.class, long.class);
        }

        void decodeOnly(Path frame) throws Exception {
            readSubsampled.invoke(null, frame, workingSize, maxPixels);
        }

        void endToEnd(Path frame) throws Exception {
            score.invoke(engine, analyze.invoke(engine, frame, List.of()), null, null);
        }
    }

    public static void main(String[] args) throws Exception {
        int builds = args.length - 4;
        Path libs = Path.of(args[0]);
        Path sheet = Path.of(args[builds + 1]);
        Build[] sides = new Build[builds];
        for (int i = 0; i < builds; i++) {
            sides[i] = new Build(args[i + 1], libs, sheet);
        }
        List<Path> frames;
        try (var files = Files.list(Path.of(args[builds + 2]))) {
            frames = files.sorted().limit(200).toList();
        }
        long seconds = Long.parseLong(args[builds + 3]);
        var threads = ManagementFactory.getThreadMXBean();
        long[][] total = new long[builds][2];
        List<List<Double>> ratios = new ArrayList<>();
        for (int i = 0; i < builds; i++) {
            ratios.add(new ArrayList<>());
        }
        int rounds = 0;
        long warmUntil = System.nanoTime() + 10_000_000_000L;
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < end) {
            long[][] round = new long[builds][2];
            for (int i = 0; i < builds; i++) {
                long start = threads.getCurrentThreadCpuTime();
                for (Path frame : frames) {
                    sides[i].decodeOnly(frame);
                }
                round[i][0] = threads.getCurrentThreadCpuTime() - start;
                start = threads.getCurrentThreadCpuTime();
                for (Path frame : frames) {
                    sides[i].endToEnd(frame);
                }
                round[i][1] = threads.getCurrentThreadCpuTime() - start;
            }
            if (System.nanoTime() > warmUntil) {
                rounds++;
                for (int i = 0; i < builds; i++) {
                    total[i][0] += round[i][0];
                    total[i][1] += round[i][1];
                    ratios.get(i).add((double) round[i][0] / round[i][1]);
                }
            }
        }
        if (rounds == 0) {
            throw new IllegalStateException("no round after the 10 s warm-up: give more seconds");
        }
        for (int i = 0; i < builds; i++) {
            List<Double> r = ratios.get(i);
            Collections.sort(r);
            double perFrame = 1e6 * rounds * frames.size();
            System.out.printf("%-36s %d rounds: decode only %.3f, end to end %.3f ms/frame (difference %.3f); "
                            + "ratio %.3f (median round %.3f)%n", sides[i].name, rounds, total[i][0] / perFrame,
                    total[i][1] / perFrame, (total[i][1] - total[i][0]) / perFrame,
                    (double) total[i][0] / total[i][1], r.get(r.size() / 2));
        }
    }
}
