package dev.onmodel.core.editorial;

import java.util.List;

/** The missing-shot policy is {@link MissingPolicy#FAIL} and some shots have no approved variant. */
public final class MissingApprovalException extends ExportException {

    private static final long serialVersionUID = 1L;

    private final List<String> shots;

    public MissingApprovalException(List<String> shots) {
        super(shots.size() + (shots.size() == 1 ? " shot has" : " shots have") + " no approved variant: "
                + String.join(", ", shots)
                + " (mark a hero or approve every cut frame, or export with missing-shot policy gap or best)");
        this.shots = List.copyOf(shots);
    }

    /** The shots without an approved variant, in cut order. */
    public List<String> shots() {
        return shots;
    }
}
