package dev.gitops.git;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * The one look of every HTML page the tool writes (the release dashboard of {@code status}, the
 * report of {@code promote --dry-run}, the diff): a self-contained document with inline CSS only
 * (no scripts, fonts, images or style sheets from anywhere), readable in light and dark mode
 * ({@code prefers-color-scheme}), and the escaping and link rules its pieces share. Everything from
 * a repository (names, authors, messages, addresses) goes through {@link #escape}; only absolute
 * http(s) addresses become links.
 */
public final class HtmlPage {
    private HtmlPage() {}

    /** Colours are variables so that one media query switches the whole page to dark mode. */
    private static final String CSS = String.join("\n",
            ":root{color-scheme:light dark;--fg:#1f2328;--bg:#fff;--muted:#59636e;--line:#d0d7de;--head:#f6f8fa;"
                    + "--wait:#fff8c5;--wait-line:#d4a72c;--block:#ffebe9;--block-line:#cf222e;--ok:#1a7f37;--bad:#cf222e;"
                    + "--link:#0969da;--badge:#eaeef2}",
            "@media (prefers-color-scheme: dark){:root{--fg:#e6edf3;--bg:#0d1117;--muted:#9198a1;--line:#3d444d;"
                    + "--head:#151b23;--wait:#3b2e00;--wait-line:#9e6a03;--block:#3c1618;--block-line:#f85149;--ok:#3fb950;"
                    + "--bad:#f85149;--link:#4493f8;--badge:#262c36}}",
            "body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;margin:2rem;color:var(--fg);background:var(--bg)}",
            "a{color:var(--link)}",
            "header{margin:0 0 1rem}",
            "h1{font-size:1.4rem;margin:0}",
            "h2{font-size:1.1rem;margin:1.5rem 0 .5rem}",
            ".repo{color:var(--muted);margin:.2rem 0 0;font-family:ui-monospace,monospace}",
            "table{border-collapse:collapse;font-size:.9rem}",
            "th,td{border:1px solid var(--line);padding:.4rem .6rem;vertical-align:top;text-align:left}",
            "thead th{background:var(--head);position:sticky;top:0}",
            "tbody th{font-weight:600;white-space:nowrap}",
            ".summary{display:block;font-family:system-ui,sans-serif;max-width:22rem;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}",
            ".branch,.tip{display:block;font-weight:400;color:var(--muted);font-family:ui-monospace,monospace;font-size:.8rem}",
            ".rev,.sha{font-family:ui-monospace,monospace;font-weight:600}",
            ".img,.meta{color:var(--muted);font-size:.8rem;word-break:break-all}",
            "td.absent{color:var(--muted)}",
            "td.waiting{background:var(--wait);border-color:var(--wait-line)}",
            "td.blocked{background:var(--block);border-color:var(--block-line)}",
            ".incoming{font-family:ui-monospace,monospace;font-size:.8rem}",
            ".badge{display:inline-block;background:var(--badge);border-radius:.6rem;padding:0 .4rem;font-size:.75rem;font-weight:600}",
            ".rolled-back{color:var(--bad)}",
            ".verdict{display:block;font-weight:600;font-size:.8rem;margin-top:.2rem}",
            ".verdict.allowed{color:var(--ok)}",
            ".verdict.blocked{color:var(--bad)}",
            ".reasons{margin:.2rem 0 0;padding-left:1.1rem;font-size:.8rem;font-weight:400}",
            ".problem{color:var(--bad);font-weight:400;font-size:.8rem;display:block;white-space:pre-wrap}",
            "pre{background:var(--head);border:1px solid var(--line);padding:.6rem;overflow:auto;font-size:.8rem}",
            "ins{background:var(--wait);text-decoration:none}",
            "del{color:var(--bad)}",
            ".legend{color:var(--muted);font-size:.8rem;margin-top:1rem}");

    /**
     * A whole page: the shared head (charset, viewport, inline CSS), a header with the heading and
     * the repository's name, then {@code body}.
     *
     * @param title the document title (escaped here)
     * @param repository the repository's name, shown under the heading (escaped here); blank: none
     * @param body the page's content, already HTML (its parts escaped by the caller)
     * @return the document, ending with a new line
     */
    public static String document(String title, String repository, String body) {
        StringBuilder b = new StringBuilder();
        b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(escape(title)).append("</title>\n<style>\n").append(CSS).append("\n</style>\n</head>\n<body>\n")
                .append("<header><h1>").append(escape(title)).append("</h1>");
        if (!repository.isBlank()) {
            b.append("<p class=\"repo\">").append(escape(repository)).append("</p>");
        }
        b.append("</header>\n").append(body);
        if (!body.endsWith("\n")) {
            b.append('\n');
        }
        return b.append("</body>\n</html>\n").toString();
    }

    /**
     * Text made safe for element content and quoted attribute values: {@code < > & " '} become
     * character references.
     *
     * @param s any text
     * @return the escaped text
     */
    public static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /**
     * {@code text} as a link to {@code url} when that is an absolute http or https address, else as
     * plain text: a {@code javascript:} or {@code data:} address, a relative one or garbage never
     * becomes a link.
     *
     * @param url the address, when there is one
     * @param text the link text (escaped here)
     * @return the HTML
     */
    public static String link(Optional<String> url, String text) {
        Optional<String> safe = url.filter(HtmlPage::isWebAddress);
        if (safe.isEmpty()) {
            return escape(text);
        }
        return "<a href=\"" + escape(safe.get()) + "\">" + escape(text) + "</a>";
    }

    /**
     * Whether {@code url} is an absolute http or https address with a host.
     *
     * @param url any text
     * @return true for {@code http://host/...} and {@code https://host/...}
     */
    public static boolean isWebAddress(String url) {
        try {
            URI u = new URI(url);
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && u.getHost() != null && !u.getHost().isEmpty();
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
