package uk.gov.courier.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.List;

/** The outbox as a plain page for developers. Every value from a request is escaped. */
final class OutboxPage {

  private static final String STYLE =
      """
      body { font-family: Arial, sans-serif; margin: 2em; color: #0b0c0c; max-width: 60em; }
      article { border-top: 2px solid #b1b4b6; padding: 1em 0; }
      dl { display: grid; grid-template-columns: max-content auto; gap: 0.2em 1em; }
      dt { font-weight: bold; }
      dd { margin: 0; }
      pre { white-space: pre-wrap; background: #f3f2f1; padding: 1em; }
      a { color: #1d70b8; }
      """;

  static String render(List<OutboxMessage> messages) {
    StringBuilder html = new StringBuilder();
    html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<title>Outbox - notify-server</title>\n<style>")
        .append(STYLE)
        .append("</style>\n</head>\n<body>\n<h1>Outbox</h1>\n<p>")
        .append(messages.size())
        .append(messages.size() == 1 ? " email" : " emails")
        .append(", newest first. Nothing here was sent to anyone. ")
        .append("The same list as JSON: <a href=\"/_outbox\">/_outbox</a>.</p>\n");
    for (OutboxMessage message : messages) {
      html.append("<article>\n<h2>").append(Html.escape(message.subject())).append("</h2>\n<dl>\n");
      row(html, "To", message.emailAddress());
      row(html, "Reference", message.reference() == null ? "(none)" : message.reference());
      row(html, "Template", message.templateId().toString());
      row(html, "Notification", message.id().toString());
      row(html, "Created", Json.notifyTime(message.createdAt()));
      html.append("</dl>\n<pre>")
          .append(Html.linkify(message.body()))
          .append("</pre>\n<details><summary>Personalisation</summary><pre>")
          .append(Html.escape(personalisation(message)))
          .append("</pre></details>\n</article>\n");
    }
    return html.append("</body>\n</html>\n").toString();
  }

  private static void row(StringBuilder html, String label, String value) {
    html.append("<dt>")
        .append(Html.escape(label))
        .append("</dt><dd>")
        .append(Html.escape(value))
        .append("</dd>\n");
  }

  private static String personalisation(OutboxMessage message) {
    try {
      return Json.MAPPER
          .writerWithDefaultPrettyPrinter()
          .writeValueAsString(message.personalisation());
    } catch (JsonProcessingException e) {
      return "(cannot show)";
    }
  }

  private OutboxPage() {}
}
