package org.threshold.hub.web.pages;

import org.threshold.core.i18n.Messages;

/**
 * Escaping for text placed in HTML, and the page every hub screen shares. Every value that did not come
 * from this source file goes through {@link #escape}: names are typed by people at a kiosk.
 */
public final class Html {
    private static final String STYLE = """
            body{font-family:system-ui,"Noto Sans","Noto Sans Arabic","Noto Sans Ethiopic",sans-serif;margin:0;\
            color:#1b1b1b;background:#fafafa}\
            header,main{max-width:60rem;margin:0 auto;padding:0.75rem 1rem}\
            header{display:flex;justify-content:space-between;align-items:center;border-bottom:1px solid #ccc}\
            h1{font-size:1.25rem;margin:0}\
            .demo{background:#fff3c4;padding:0.5rem 1rem;text-align:center}\
            .problem{background:#fde8e8;border-left:4px solid #b00020;padding:0.5rem 1rem}\
            label{display:block;margin:0.5rem 0 0.25rem}\
            input{font-size:1rem;padding:0.4rem;min-width:18rem}\
            button{font-size:1rem;padding:0.4rem 1rem;margin-top:0.5rem}\
            table{border-collapse:collapse;width:100%;margin-top:1rem}\
            th,td{border:1px solid #ccc;padding:0.4rem;text-align:start;vertical-align:top}\
            dl{display:grid;grid-template-columns:max-content auto;gap:0.25rem 1rem}dd{margin:0}\
            .latin{color:#555}.protected{font-style:italic}\
            """;

    private Html() {
    }

    /** Text made safe for element content and for quoted attribute values. {@code null} becomes empty. */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * A whole page. {@code headerExtra} and {@code main} are HTML already built from escaped parts.
     */
    static String page(String title, String headerExtra, String main, boolean demoMode) {
        return page(title, headerExtra, main, demoMode, Messages.ENGLISH.toLanguageTag(), false);
    }

    /** A whole page in the language of {@code ui}: its {@code lang}, and {@code dir="rtl"} for Arabic and Persian. */
    static String page(String title, String headerExtra, String main, boolean demoMode, Messages ui) {
        return page(title, headerExtra, main, demoMode, ui.locale().toLanguageTag(), ui.rightToLeft());
    }

    private static String page(String title, String headerExtra, String main, boolean demoMode, String language,
                               boolean rightToLeft) {
        return "<!DOCTYPE html>\n<html lang=\"" + escape(language) + "\"" + (rightToLeft ? " dir=\"rtl\"" : "")
                + ">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>" + escape(title) + " · Threshold hub</title>\n<style>" + STYLE + "</style>\n</head>\n<body>\n"
                + (demoMode ? "<p class=\"demo\" role=\"note\">Demo hub: made-up records and throwaway keys only.</p>\n"
                        : "")
                + "<header><h1>Threshold hub</h1>" + headerExtra + "</header>\n<main>\n" + main + "\n</main>\n"
                + "</body>\n</html>\n";
    }
}
