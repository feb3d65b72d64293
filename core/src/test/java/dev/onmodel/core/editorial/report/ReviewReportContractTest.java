package dev.onmodel.core.editorial.report;

import dev.onmodel.core.editorial.ExporterContractTest;

/** The exporter contract for the review-report formats, fed by the same report fixtures. */
abstract class ReviewReportContractTest extends ExporterContractTest<ReviewSummary> {

    @Override
    protected ReviewSummary ordinaryInput() {
        return ReportFixtures.ordinary();
    }

    @Override
    protected ReviewSummary emptyInput() {
        return ReportFixtures.empty();
    }

    @Override
    protected ReviewSummary hostileInput() {
        return ReportFixtures.hostile();
    }
}
