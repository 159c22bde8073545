package jp.evalsheet.feedback;

/**
 * Thrown when the package editor ({@link XlsxPackageEditor}) or the zip-level marking
 * ({@link XlsxPackageFeedback}) meets a package it does not handle with certainty (strict OOXML, an
 * encrypted part, a flagged sheet that already has comments, a chartsheet named by a finding...): the
 * caller then writes the feedback through POI's user model. The message says why, in English.
 */
final class PackageFallback extends Exception {

    private static final long serialVersionUID = 1L;

    PackageFallback(String reason) {
        super(reason, null, false, false);
    }
}
