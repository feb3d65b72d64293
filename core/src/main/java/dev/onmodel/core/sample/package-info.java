/**
 * The embedded sample project: a deterministic, headless (Java2D on {@code BufferedImage}) generator of a small
 * but real-looking project with three original characters, six shots, several variants per shot, injected
 * consistency defects and their ground truth ({@code ground-truth.json}).
 *
 * <p>Entry point: {@link dev.onmodel.core.sample.SampleProjectGenerator}. Everything else in this package is the
 * drawing and the script of the shots. Nothing outside this package depends on it except the callers that
 * generate the sample (the CLI and the first run of the workstation).
 */
package dev.onmodel.core.sample;
