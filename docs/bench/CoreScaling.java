/**
 * The machine's own ceiling for "speed-up from the second core": the same integer work, which touches no memory,
 * done twice on one thread and then once on each of two threads; prints the ratio of the times, five rounds.
 * A workload that streams files and tables through the caches (decoding, scoring) cannot expect more than this.
 *
 * <p>Usage (JDK 17): {@code java docs/bench/CoreScaling.java}
 */
public class CoreScaling {
    static volatile long sink;

    static long work(long n) {
        long x = 1;
        for (long i = 0; i < n; i++) {
            x = x * 6364136223846793005L + 1442695040888963407L;
            x ^= x >>> 29;
        }
        return x;
    }

    public static void main(String[] args) throws Exception {
        long n = 400_000_000L;
        for (int round = 0; round < 5; round++) {
            long t0 = System.nanoTime();
            sink = work(n);
            sink = work(n);
            long t1 = System.nanoTime();
            Thread other = new Thread(() -> sink = work(n));
            other.start();
            sink = work(n);
            other.join();
            long t2 = System.nanoTime();
            System.out.printf("1 thread %.0f ms, 2 threads %.0f ms, speed-up %.2f%n", (t1 - t0) / 1e6, (t2 - t1) / 1e6,
                    (double) (t1 - t0) / (t2 - t1));
        }
    }
}
