package jp.evalsheet.extract;

/** A cell's A1 address and the text it shows, the lineage of a value read from a sheet. */
public record Located(String cell, String rawText) {
}
