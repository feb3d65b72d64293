package dev.onmodel.app.cli;

import picocli.CommandLine;

/** The version from the jar manifest, or "development build" when run from classes. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = VersionProvider.class.getPackage().getImplementationVersion();
        return new String[] {"OnModel " + (version == null ? "development build" : version),
                "Java " + System.getProperty("java.version")};
    }
}
