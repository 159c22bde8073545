package jp.evalsheet.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import jp.evalsheet.CommandLineOptions;

/**
 * The command line of {@code --templates}: it takes the options that say which forms and refuses
 * those of a run, and {@code --prefill-from} has no meaning without it; the year of blank forms is
 * the fiscal year of the day (April to March).
 */
class TemplateOptionsTests {

    @Test
    void shouldTakeTheOptionsThatSayWhichForms() {
        assertThat(CommandLineOptions.problem("--templates=t", "--warehouse=w.duckdb", "--municipality=112275_朝霞市",
                "--prefill-from=R5", "--fiscal-year=R6", "--quiet")).isEmpty();
    }

    @Test
    void shouldRefuseTheOptionsOfARunBesideTemplates() {
        assertThat(CommandLineOptions.problem("--templates=t", "--input=input")).hasValueSatisfying(problem -> assertThat(problem)
                .startsWith("--templates writes the forms for the next round and runs nothing, so --input has no place"));
        assertThat(CommandLineOptions.problem("--templates=t", "--validate")).isPresent();
    }

    @Test
    void shouldRefusePrefillWithoutTemplates() {
        assertThat(CommandLineOptions.problem("--input=input", "--prefill-from=R5")).hasValueSatisfying(problem -> assertThat(problem)
                .startsWith("--prefill-from fills in the templates that --templates=DIR writes"));
        assertThat(CommandLineOptions.problem("--templates")).hasValue("the option --templates needs a value, such as --templates=…");
    }

    @Test
    void shouldDateBlankFormsByTheFiscalYearOfTheDay() {
        assertThat(TemplateCommand.currentFiscalYear(LocalDate.of(2026, 12, 3))).isEqualTo(2026);
        assertThat(TemplateCommand.currentFiscalYear(LocalDate.of(2027, 3, 31))).isEqualTo(2026);
        assertThat(TemplateCommand.currentFiscalYear(LocalDate.of(2027, 4, 1))).isEqualTo(2027);
    }
}
