package dev.onmodel.core.store;

import dev.onmodel.core.model.Decision;
import dev.onmodel.core.model.Role;
import dev.onmodel.core.model.Verdict;

import java.nio.file.Path;

/**
 * Child process for {@link StoreDurabilityTest}: records decisions on {@code sh010/v001} as fast as it can and
 * prints each acknowledged id ("ack <id> <frame>") only after {@link ReviewStore#record} returned. Given a count it
 * stops after that many and closes the store (the two-process test); without one it runs until killed.
 */
public final class DurabilityChild {

    private DurabilityChild() {
    }

    public static void main(String[] args) throws Exception {
        Path project = Path.of(args[0]);
        String reviewer = args[1];
        long count = args.length > 2 ? Long.parseLong(args[2]) : Long.MAX_VALUE;
        long firstFrame = args.length > 3 ? Long.parseLong(args[3]) : 1;
        ReviewStore store = ReviewStore.open(project);
        System.out.println("open");
        System.out.flush();
        for (long i = 0; i < count; i++) {
            long frame = firstFrame + (i % 100_000);
            Decision d = store.record(DecisionRequest.frame("sh010", "v001", frame,
                    i % 2 == 0 ? Verdict.REJECT : Verdict.APPROVE, "child " + i, reviewer, Role.ANIMATOR, "durability"));
            System.out.println("ack " + d.id() + " " + frame);
            System.out.flush();
        }
        store.close();
        System.out.println("done");
        System.out.flush();
    }
}
