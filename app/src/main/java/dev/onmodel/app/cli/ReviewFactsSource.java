package dev.onmodel.app.cli;

import dev.onmodel.core.editorial.JsonReviewFacts;
import dev.onmodel.core.editorial.ReviewFacts;
import dev.onmodel.core.model.Project;
import dev.onmodel.core.project.ProjectLayout;
import dev.onmodel.core.store.ReviewStore;
import dev.onmodel.core.store.StoreException;
import dev.onmodel.core.workflow.StoreReviewFacts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where {@code onmodel export} gets the review facts (hero marks, decisions, scores) of a project. A source
 * answers empty when it has nothing for the project, so sources can be chained.
 */
@FunctionalInterface
public interface ReviewFactsSource {

    /**
     * The facts of {@code project}, or empty when this source has none.
     *
     * @throws IOException naming the file or store that exists but cannot be read
     */
    Optional<ReviewFacts> open(Project project) throws IOException;

    /** {@code review-facts.json} in the project folder ({@link JsonReviewFacts}), when present. */
    static ReviewFactsSource projectFile() {
        return project -> {
            Path file = project.root().resolve(JsonReviewFacts.FILE_NAME);
            return Files.isRegularFile(file) ? Optional.of(JsonReviewFacts.read(file)) : Optional.empty();
        };
    }

    /**
     * The project's review store ({@code onmodel.db}), when it exists and holds a decision or a hero choice: the
     * decisions in force, hero choices and persisted scores ({@link StoreReviewFacts}), read in one go and the store
     * closed again. An older store is upgraded by opening it (with the usual backup first).
     */
    static ReviewFactsSource store() {
        return project -> {
            if (!Files.isRegularFile(ProjectLayout.database(project.root()))) {
                return Optional.empty();
            }
            try (ReviewStore store = ReviewStore.open(project.root())) {
                StoreReviewFacts facts = StoreReviewFacts.load(store);
                return facts.isEmpty() ? Optional.empty() : Optional.of(facts);
            } catch (StoreException e) {
                throw new IOException(e.getMessage(), e);
            }
        };
    }

    /** The first source that has facts for the project. */
    static ReviewFactsSource firstOf(ReviewFactsSource... sources) {
        return project -> {
            for (ReviewFactsSource source : sources) {
                Optional<ReviewFacts> facts = source.open(project);
                if (facts.isPresent()) {
                    return facts;
                }
            }
            return Optional.empty();
        };
    }
}
