package jp.evalsheet.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * The catalogue of Japanese texts ({@code feedback/findings_ja.properties}) against the rules the
 * job's sources emit ({@link RuleSources}), and the text a department reads for a finding.
 * {@code FindingTextsIntegrationTests} checks it against the rules a real run emits.
 */
class FindingTextsTests {

    @Test
    void shouldHaveAJapaneseTextForEveryRuleTheSourcesEmit() {
        // given
        Set<String> emitted = RuleSources.emittedRules();

        // then: the readers (submission/, policy/, strategy/, welfare/), the publisher and the cross-checks
        assertThat(emitted).contains("unreadable_file", "cost_not_a_number", "invalid_status", "invalid_evaluation",
                "invalid_grade", "partial_replacement", "printed_total_differs_from_projects", "no_progress");
        assertThat(FindingTexts.rules()).as("rules without a Japanese text in " + FindingTexts.RESOURCE)
                .containsAll(emitted);
    }

    @Test
    void shouldHaveNoTextForARuleNoSourceNamesAnyMore() {
        assertThat(RuleSources.unnamed(FindingTexts.rules())).as("texts of rules no source names").isEmpty();
        // the check can fail: a rule that no source names is found
        assertThat(RuleSources.unnamed(Set.of("cost_not_a_number", "cost_not_a_numbr"))).containsExactly("cost_not_a_numbr");
    }

    @Test
    void shouldReadEveryTextAsPoliteJapaneseInUtf8() {
        assertThat(FindingTexts.rules()).hasSizeGreaterThanOrEqualTo(58);
        for (String rule : FindingTexts.rules()) {
            String text = FindingTexts.japanese(rule).orElseThrow();
            assertThat(text).as(rule)
                    .doesNotContain("\uFFFD", "\n")
                    .containsPattern("[\\p{IsHiragana}\\p{IsKatakana}\\p{IsHan}]")
                    .endsWith("。")
                    .containsAnyOf("ください", "ます", "です");
        }
        assertThat(FindingTexts.japanese("cost_not_a_number")).hasValue(
                "金額を数値として読み取れなかったため、この金額は取り込んでいません。10,059 のように千円単位の数値で記入し、"
                        + "該当がない場合は「-」を記入してください。");
    }

    @Test
    void shouldGiveTheJapaneseTextThenTheEnglishMessageOnALineOfItsOwn() {
        assertThat(FindingTexts.forDepartment("negative_cost",
                "expected a cost of 0 or more thousand yen, found a negative cost"))
                .isEqualTo("金額がマイナスになっています。0 以上の金額を千円単位で記入してください。\n"
                        + "expected a cost of 0 or more thousand yen, found a negative cost");
    }

    @Test
    void shouldFallBackToAGenericSentenceForARuleWithoutAText() {
        assertThat(FindingTexts.japanese("a_rule_of_tomorrow")).isEmpty();
        assertThat(FindingTexts.forDepartment("a_rule_of_tomorrow", "something new"))
                .isEqualTo("確認が必要な点があります。内容は次の英文のとおりです。\nsomething new");
    }

    @Test
    void shouldKeepEverythingButTheMessageOfAFeedbackItem() {
        FeedbackItem item = FeedbackItem.error("施策611", "D5", "cost_not_a_number",
                "expected a cost in thousand yen such as 10,059, or - for none", "約7千");

        assertThat(FindingTexts.forDepartment(item)).isEqualTo(FeedbackItem.error("施策611", "D5", "cost_not_a_number",
                FindingTexts.japanese("cost_not_a_number").orElseThrow()
                        + "\nexpected a cost in thousand yen such as 10,059, or - for none", "約7千"));
    }
}
