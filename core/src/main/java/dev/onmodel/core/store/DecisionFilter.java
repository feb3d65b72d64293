package dev.onmodel.core.store;

import dev.onmodel.core.model.Role;
import dev.onmodel.core.model.Verdict;

import java.util.Optional;

/**
 * Which decisions a query returns; every empty field matches everything. Example: what the director rejected in
 * "director approval": {@code DecisionFilter.all().withRole(Role.DIRECTOR).withVerdict(Verdict.REJECT)
 * .withPass("director approval")}.
 */
public record DecisionFilter(Optional<String> pass, Optional<Role> role, Optional<Verdict> verdict,
                             Optional<String> reviewer, Optional<String> shot, Optional<String> variant) {

    public DecisionFilter {
        pass = pass == null ? Optional.empty() : pass;
        role = role == null ? Optional.empty() : role;
        verdict = verdict == null ? Optional.empty() : verdict;
        reviewer = reviewer == null ? Optional.empty() : reviewer;
        shot = shot == null ? Optional.empty() : shot;
        variant = variant == null ? Optional.empty() : variant;
    }

    public static DecisionFilter all() {
        return new DecisionFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    public DecisionFilter withPass(String value) {
        return new DecisionFilter(Optional.of(value), role, verdict, reviewer, shot, variant);
    }

    public DecisionFilter withRole(Role value) {
        return new DecisionFilter(pass, Optional.of(value), verdict, reviewer, shot, variant);
    }

    public DecisionFilter withVerdict(Verdict value) {
        return new DecisionFilter(pass, role, Optional.of(value), reviewer, shot, variant);
    }

    public DecisionFilter withReviewer(String value) {
        return new DecisionFilter(pass, role, verdict, Optional.of(value), shot, variant);
    }

    public DecisionFilter withVariant(String shotName, String variantName) {
        return new DecisionFilter(pass, role, verdict, reviewer, Optional.of(shotName), Optional.of(variantName));
    }
}
