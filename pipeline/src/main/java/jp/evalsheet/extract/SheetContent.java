package jp.evalsheet.extract;

/**
 * What a sheet family extractor read from one sheet. The subject (a policy, a KPI table, a welfare
 * project) and evaluation year identify the sheet across submissions: a later submission of the same
 * subject and year replaces it.
 */
public interface SheetContent {

    /** The sheet family, e.g. {@code policy_evaluation}. */
    String family();

    String planId();

    /** The subject's code within its plan, e.g. the policy code {@code 611}. */
    String subjectCode();

    /** The evaluation year the sheet prints, or 0 when it prints none (see {@link #withEvaluationFiscalYear}). */
    int evaluationFiscalYear();

    /**
     * The content dated {@code year}, for a sheet that prints no year of its own (a strategy 総括, a page
     * of narratives): it takes the year of its file's other sheets of the family, else the run's. A
     * family whose sheets always print their year keeps this default, which returns the content as it is.
     */
    default SheetContent withEvaluationFiscalYear(int year) {
        return this;
    }

    /** The owning department as printed on the sheet. */
    String departmentName();

    /**
     * Appends what was read as fact rows, by column name: the family's slice of the warehouse
     * (a family's facts are written by the family's own code, next to its reader).
     */
    void appendFacts(FactSink sink);
}
