package dev.onmodel.app.ui.review;

/** Which frames a review pass view brings forward; the others are dimmed on the timeline and skipped by {@code .}/{@code ,}. */
public enum PassFilter {
    /** Every frame. */
    ALL("All frames"),
    /** Frames with no decision in force made in the current pass. */
    UNDECIDED_IN_PASS("Undecided in this pass"),
    /** Frames whose score is below the check threshold. */
    FLAGGED("Flagged only"),
    /** Frames whose decision in force was made by the chosen role. */
    DECIDED_BY_ROLE("Decided by role");

    private final String label;

    PassFilter(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }
}
