package jp.evalsheet.extract;

import java.util.List;

import jp.evalsheet.grid.SheetGrid;

/**
 * A sheet family's way in: whether a sheet is one of its own (by the labels it prints), and what it
 * reads from it. With {@link SheetContent#appendFacts} it is the whole of a family's slice: a family
 * is recognized, read and written by its own package ({@code policy/}, {@code strategy/}, {@code welfare/}).
 */
public interface SheetFamily {

    /** What a family read from one sheet: its content (null when the sheet was rejected) and the findings. */
    record Extracted(SheetContent content, List<Finding> findings) {
    }

    /** Whether {@code grid} is a sheet of this family. */
    boolean recognizes(SheetGrid grid);

    /** Reads a sheet this family recognizes; {@code fileName} (without extension) may name what the sheet does not. */
    Extracted extract(SheetGrid grid, String fileName);
}
