package dev.onmodel.core.editorial;

/** Which rule chose the variant an edit event uses; every export names it so the editor knows how sure it is. */
public enum HeroRule {
    /** A reviewer marked the variant as hero, over an approved range. */
    MARKED_HERO("marked-hero", "marked as hero"),
    /** No hero was marked; every frame of the cut is approved in this variant (the most recently approved wins). */
    FULLY_APPROVED("fully-approved", "every cut frame approved"),
    /** Nothing is approved; the missing-shot policy picked the best-scoring variant. Not approved. */
    BEST_SCORE("best-score", "best score, NOT approved");

    private final String id;
    private final String description;

    HeroRule(String id, String description) {
        this.id = id;
        this.description = description;
    }

    /** Stable identifier written into files ({@code marked-hero}) and read back. */
    public String id() {
        return id;
    }

    /** Short phrase for people. */
    public String description() {
        return description;
    }

    /** True when the rule rests on reviewers' approval. */
    public boolean isApproved() {
        return this != BEST_SCORE;
    }

    /** The rule whose {@link #id()} is {@code id}. */
    public static HeroRule fromId(String id) {
        for (HeroRule rule : values()) {
            if (rule.id.equals(id)) {
                return rule;
            }
        }
        throw new IllegalArgumentException("unknown hero rule '" + id + "'");
    }
}
