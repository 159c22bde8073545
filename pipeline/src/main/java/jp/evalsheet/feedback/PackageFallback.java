package jp.evalsheet.feedback;

/**
 * Thrown when the zip-level feedback writer meets a package it does not handle with certainty (a
 * flagged sheet that already has comments, strict OOXML, a chartsheet named by a finding...): the
 * caller then writes the feedback through POI's user model. The message says why, in English.
 */
final class PackageFallback extends Exception {

    private static final long serialVersionUID = 1L;

    PackageFallback(String reason) {
        super(reason, null, false, false);
    }
}
