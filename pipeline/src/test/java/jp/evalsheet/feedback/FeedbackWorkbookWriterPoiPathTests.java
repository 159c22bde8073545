package jp.evalsheet.feedback;

import jp.evalsheet.feedback.FeedbackWorkbookWriter.Route;

/**
 * Every test of {@link FeedbackWorkbookWriterTests} again with the writer that always goes through
 * POI's user model: the path of every submission the zip-level path declines.
 */
class FeedbackWorkbookWriterPoiPathTests extends FeedbackWorkbookWriterTests {

    @Override
    FeedbackWorkbookWriter newWriter() {
        return new FeedbackWorkbookWriter(false);
    }

    @Override
    FeedbackWorkbookWriter newWriter(String author) {
        return new FeedbackWorkbookWriter(author, false);
    }

    @Override
    Route xlsRoute() {
        return Route.POI;
    }
}
