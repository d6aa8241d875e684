package dev.uip.definition.notify.domain;

/** The mrkdwn text a Slack-compatible webhook receives: bold title, the text, and a link when there is one. */
public final class SlackText {

    private SlackText() {
    }

    public static String of(String title, String text, String link) {
        StringBuilder out = new StringBuilder("*").append(escape(title)).append("*\n").append(escape(text));
        if (link != null) {
            out.append("\n<").append(link).append("|Open in UIP>");
        }
        return out.toString();
    }

    // Slack's mrkdwn needs only these three escaped.
    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
