package jp.evalsheet.feedback;

/**
 * Every test of {@link FeedbackWorkbookWriterTests} again with the writer that always goes through
 * POI's user model: the path of .xls submissions and of every package the zip-level path declines.
 */
class FeedbackWorkbookWriterPoiPathTests extends FeedbackWorkbookWriterTests {

    @Override
    FeedbackWorkbookWriter newWriter() {
        return new FeedbackWorkbookWriter(false);
    }
}
