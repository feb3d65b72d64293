/**
 * Wires the review store to the consistency engine and the editorial hand-off: the store-backed analysis cache,
 * score sink and review facts, and {@link dev.onmodel.core.workflow.ProjectWorkspace}, which the CLI and the window
 * open a project through. Depends on store, consistency, editorial, project and media; only the app depends on it.
 */
package dev.onmodel.core.workflow;
