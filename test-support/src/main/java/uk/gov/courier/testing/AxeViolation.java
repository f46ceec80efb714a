package uk.gov.courier.testing;

import java.util.List;

/**
 * One accessibility rule that axe-core found broken on a page.
 *
 * @param id the axe rule, such as {@code color-contrast}
 * @param impact {@code minor}, {@code moderate}, {@code serious} or {@code critical}
 * @param help what the rule asks for, in one sentence
 * @param helpUrl where Deque explains the rule
 * @param nodes each element that breaks it: its CSS selector and, after a colon, its HTML
 */
public record AxeViolation(
    String id, String impact, String help, String helpUrl, List<String> nodes) {

  public boolean isSeriousOrCritical() {
    return "serious".equals(impact) || "critical".equals(impact);
  }

  @Override
  public String toString() {
    StringBuilder text =
        new StringBuilder(id).append(" (").append(impact).append("): ").append(help);
    for (String node : nodes) {
      text.append("\n    at ").append(node);
    }
    return text.append("\n    see ").append(helpUrl).toString();
  }
}
