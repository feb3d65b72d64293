package dev.onmodel.app.session;

import dev.onmodel.core.model.Role;

import java.util.Objects;

/**
 * Who reviews in this session and in which role: chosen at start, remembered in the preferences, written into every
 * decision.
 */
public record Reviewer(String name, Role role) {

    public Reviewer {
        Objects.requireNonNull(role, "role");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a reviewer needs a name");
        }
        name = name.strip();
    }

    /** "Mira Kade (director)". */
    public String describe() {
        return name + " (" + role.word() + ")";
    }
}
