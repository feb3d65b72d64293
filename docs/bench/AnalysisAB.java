import java.lang.management.ManagementFactory;
import java.lang.reflect.*;
import java.net.*;
import java.nio.file.*;
import java.security.MessageDigest;
import java.util.*;

/**
 * Side-by-side timing of builds of the consistency analysis: {@code ConsistencyEngine.analyze(raster, List.of())} on
 * the first 200 frames of a folder (sorted by name), decoded once in advance, for each build in its own class loader
 * in one JVM, the builds taking turns within every round (the machine's speed drifts within minutes), thread CPU time
 * per frame. Prints an MD5 of every measured signal per build (equal digests: the builds measure the same), each
 * build's median and best round, and the first two builds' difference to the last one (a build cut short after
 * binning the frame gives the per-character measurement alone).
 *
 * <p>Usage (JDK 17, no other dependency): {@code javac AnalysisAB.java && java -Xmx3g AnalysisAB CP1 CP2 ... SHEET
 * FRAMES ROUNDS}, each CP a class path such as {@code "app/target/onmodel-app.jar:app/target/lib/*"}.
 */
public class AnalysisAB {
  static final int WARM = Integer.getInteger("warm", 10);
  static class Side {
    String name; Object engine; Method analyze; Object[] rasters; Constructor<?> rasterCtor;
    Side(String name, String cp, Path sheet) throws Exception {
      this.name = name;
      List<URL> urls = new ArrayList<>();
      for (String p : cp.split(":")) {
        if (p.endsWith("/*")) { try (var s = Files.list(Path.of(p.substring(0, p.length()-2)))) { for (Path f : s.toList()) urls.add(f.toUri().toURL()); } }
        else urls.add(Path.of(p).toUri().toURL());
      }
      ClassLoader l = new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader());
      Class<?> eng = l.loadClass("dev.onmodel.core.consistency.ConsistencyEngine");
      Class<?> sf = l.loadClass("dev.onmodel.core.consistency.SheetFolders");
      Class<?> ss = l.loadClass("dev.onmodel.core.consistency.ScoringSettings");
      Class<?> raster = l.loadClass("dev.onmodel.core.consistency.decode.Raster");
      Object settings = ss.getMethod("defaults").invoke(null);
      Object sheetObj = sf.getMethod("read", Path.class).invoke(null, sheet);
      engine = eng.getMethod("load", List.class, ss).invoke(null, List.of(sheetObj), settings);
      analyze = eng.getMethod("analyze", raster, List.class);
      rasterCtor = raster.getConstructor(int.class, int.class, int[].class);
    }
  }
  public static void main(String[] a) throws Exception {
    int n = a.length - 3;
    Path sheet = Path.of(a[n]);
    Side[] sides = new Side[n];
    for (int i = 0; i < n; i++) sides[i] = new Side("side" + i, a[i], sheet);
    int rounds = Integer.parseInt(a[n + 2]);
    List<Path> files;
    try (var w = Files.list(Path.of(a[n + 1]))) { files = w.sorted().limit(200).toList(); }
    // decode with the new side's decoder
    ClassLoader nl = sides[1].engine.getClass().getClassLoader();
    Class<?> fd = nl.loadClass("dev.onmodel.core.consistency.decode.FrameDecoder");
    Method rs = fd.getMethod("readSubsampled", Path.class, int.class, long.class);
    Object settings = nl.loadClass("dev.onmodel.core.consistency.ScoringSettings").getMethod("defaults").invoke(null);
    int ws = (int) settings.getClass().getMethod("workingSize").invoke(settings);
    long mp = ((Number) settings.getClass().getMethod("maxPixels").invoke(settings)).longValue();
    List<int[]> px = new ArrayList<>(); List<int[]> dims = new ArrayList<>();
    for (Path f : files) {
      Object d = rs.invoke(null, f, ws, mp);
      Object r = d.getClass().getMethod("raster").invoke(d);
      int w = (int) r.getClass().getMethod("width").invoke(r), h = (int) r.getClass().getMethod("height").invoke(r);
      px.add((int[]) r.getClass().getMethod("argb").invoke(r)); dims.add(new int[]{w, h});
    }
    for (Side s : sides) { s.rasters = new Object[px.size()]; for (int i = 0; i < px.size(); i++) s.rasters[i] = s.rasterCtor.newInstance(dims.get(i)[0], dims.get(i)[1], px.get(i)); }
    // equality check of all results
    String[] digests = new String[n];
    for (int k = 0; k < n; k++) {
      MessageDigest md = MessageDigest.getInstance("MD5");
      for (Object r : sides[k].rasters) md.update(describe(sides[k].analyze.invoke(sides[k].engine, r, List.of())).getBytes());
      digests[k] = HexFormat.of().formatHex(md.digest());
    }
    System.out.println("digests " + String.join(" ", digests));
    var bean = ManagementFactory.getThreadMXBean();
    double[][] t = new double[n][rounds];
    for (int round = -WARM; round < rounds; round++) {
      for (int k0 = 0; k0 < n; k0++) {
        int k = Math.floorMod(k0 + round, n);
        long c0 = bean.getCurrentThreadCpuTime();
        for (Object r : sides[k].rasters) sides[k].analyze.invoke(sides[k].engine, r, List.of());
        long c1 = bean.getCurrentThreadCpuTime();
        if (round >= 0) t[k][round] = (c1 - c0) / 1e6 / px.size();
      }

    }
    for (int k = 0; k < n; k++) { double[] s = t[k].clone(); Arrays.sort(s); System.out.printf("%s median %.3f min %.3f ms/frame%n", sides[k].name, s[s.length/2], s[0]); }
    // per round: (side1 - side2) / (side0 - side2): analysis beyond the binning, new over old
    double[] an = new double[rounds], ao = new double[rounds], r = new double[rounds];
    for (int i = 0; i < rounds; i++) { ao[i] = t[0][i] - t[n-1][i]; an[i] = t[1][i] - t[n-1][i]; r[i] = an[i] / ao[i]; }
    Arrays.sort(an); Arrays.sort(ao); Arrays.sort(r);
    System.out.printf("FrameAnalyzer only (minus last side): old median %.3f new median %.3f ms/frame, per-round ratio median %.3f%n", ao[rounds/2], an[rounds/2], r[rounds/2]);
  }
  /** Every field of a FrameAnalysis, exactly. */
  static String describe(Object fa) throws Exception {
    StringBuilder sb = new StringBuilder();
    for (Object c : (List<?>) fa.getClass().getMethod("characters").invoke(fa)) {
      for (RecordComponent rc : c.getClass().getRecordComponents()) {
        Object v = rc.getAccessor().invoke(c);
        sb.append(rc.getName()).append('=').append(v instanceof float[] f ? Arrays.toString(f) : String.valueOf(v)).append(';');
      }
      sb.append('\n');
    }
    return sb.toString();
  }
}
