package dev.candor.ingest.job;

import dev.candor.ingest.Whitespace;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * HTML to description lines: block elements and {@code <br>} end lines, {@code <li>} gives bullets,
 * {@code <h1>}..{@code <h6>} and lines made only of bold text ({@code <strong>Requirements</strong>}) give
 * headings. Scripts, styles, forms' controls, SVG and buttons are skipped; so are nav/header/footer/aside
 * when the root is the whole page.
 */
final class HtmlLines {

  static final int MAX_LINES = 5_000;
  private static final int MAX_BOLD_HEADING = 100;

  private static final Set<String> SKIP = Set.of("script", "style", "noscript", "template", "svg", "iframe",
      "button", "select", "option", "textarea", "input", "head", "object", "canvas", "math", "title", "meta",
      "link", "img", "video", "audio", "picture", "dialog");
  private static final Set<String> PAGE_CHROME = Set.of("nav", "header", "footer", "aside");
  private static final Set<String> BLOCKS = Set.of("p", "div", "section", "article", "main", "header", "footer",
      "aside", "nav", "ul", "ol", "li", "h1", "h2", "h3", "h4", "h5", "h6", "table", "thead", "tbody", "tr", "td",
      "th", "dl", "dt", "dd", "blockquote", "pre", "form", "fieldset", "figure", "figcaption", "hr", "address",
      "details", "summary", "body", "html", "br", "center", "legend", "label");

  private HtmlLines() {}

  /** The lines of an element's content. */
  static List<JobLine> of(Element root) {
    if (root == null) {
      return List.of();
    }
    boolean wholePage = root.nameIs("body") || root.nameIs("html") || root.nameIs("#root");
    Walker walker = new Walker(root, wholePage);
    NodeTraversor.filter(walker, root);
    walker.flush();
    return walker.lines;
  }

  /** Lines rendered as text: bullets as "• item", one per line. */
  static String render(List<JobLine> lines) {
    StringBuilder sb = new StringBuilder();
    for (JobLine line : lines) {
      if (sb.length() > 0) {
        sb.append('\n');
      }
      if (line.kind() == JobLine.Kind.BULLET) {
        sb.append("• ");
      }
      sb.append(line.text());
    }
    return sb.toString();
  }

  /** Whitespace (including nbsp and zero-width characters) collapsed to single spaces, trimmed. */
  static String clean(String s) {
    return s == null ? "" : Whitespace.collapse(s);
  }

  /**
   * An element's text where adjacent inline children with nothing between them are separated by ", "
   * ({@code Remote (<span>Germany</span><span>United Kingdom</span>)} → "Remote (Germany, United Kingdom)").
   */
  static String joinedText(Element el) {
    StringBuilder sb = new StringBuilder();
    appendJoined(el, sb, 0);
    return clean(sb.toString()).replace("( ", "(").replace(" )", ")").replace(" ,", ",");
  }

  private static void appendJoined(Element el, StringBuilder sb, int depth) {
    if (depth > 30 || sb.length() > 2_000) {
      return;
    }
    Node previous = null;
    for (Node child : el.childNodes()) {
      if (child instanceof Comment) {
        continue;
      }
      if (child instanceof TextNode text) {
        if (!text.isBlank()) {
          sb.append(text.text());
          previous = child;
        } else if (previous != null) {
          sb.append(' ');
        }
      } else if (child instanceof Element e) {
        if (SKIP.contains(e.normalName())) {
          continue;
        }
        if (previous instanceof Element && !e.text().isBlank()) {
          sb.append(", ");
        }
        appendJoined(e, sb, depth + 1);
        if (!e.text().isBlank()) {
          previous = child;
        }
      }
    }
  }

  private static final class Walker implements NodeFilter {
    final Element root;
    final boolean wholePage;
    final List<JobLine> lines = new ArrayList<>();
    final StringBuilder buf = new StringBuilder();
    int liDepth;
    int headingDepth;
    int boldDepth;
    boolean lineInLi;
    boolean lineHasHeading;
    boolean lineHasPlain;
    boolean lineHasBold;
    boolean lineStarted;

    Walker(Element root, boolean wholePage) {
      this.root = root;
      this.wholePage = wholePage;
    }

    @Override
    public FilterResult head(Node node, int depth) {
      if (lines.size() >= MAX_LINES) {
        return FilterResult.STOP;
      }
      if (node instanceof TextNode text) {
        appendText(text.getWholeText());
        return FilterResult.CONTINUE;
      }
      if (!(node instanceof Element el)) {
        return FilterResult.SKIP_ENTIRELY;
      }
      String name = el.normalName();
      if (el != root && (SKIP.contains(name) || (wholePage && PAGE_CHROME.contains(name)) || hidden(el))) {
        return FilterResult.SKIP_ENTIRELY;
      }
      if (BLOCKS.contains(name)) {
        flush();
      }
      switch (name) {
        case "li", "dd" -> liDepth++;
        case "h1", "h2", "h3", "h4", "h5", "h6", "dt" -> headingDepth++;
        case "strong", "b" -> boldDepth++;
        default -> { }
      }
      return FilterResult.CONTINUE;
    }

    @Override
    public FilterResult tail(Node node, int depth) {
      if (!(node instanceof Element el)) {
        return FilterResult.CONTINUE;
      }
      String name = el.normalName();
      if (BLOCKS.contains(name)) {
        flush();
      }
      switch (name) {
        case "li", "dd" -> liDepth = Math.max(0, liDepth - 1);
        case "h1", "h2", "h3", "h4", "h5", "h6", "dt" -> headingDepth = Math.max(0, headingDepth - 1);
        case "strong", "b" -> boldDepth = Math.max(0, boldDepth - 1);
        default -> { }
      }
      return FilterResult.CONTINUE;
    }

    private static boolean hidden(Element el) {
      if (el.hasAttr("hidden")) {
        return true;
      }
      String style = el.attr("style");
      return !style.isEmpty() && style.replace(" ", "").toLowerCase().contains("display:none");
    }

    private void appendText(String text) {
      if (text.isEmpty()) {
        return;
      }
      boolean blank = text.isBlank();
      if (blank) {
        if (lineStarted) {
          buf.append(' ');
        }
        return;
      }
      if (!lineStarted) {
        lineStarted = true;
        lineInLi = liDepth > 0;
      }
      if (headingDepth > 0) {
        lineHasHeading = true;
      } else if (boldDepth > 0) {
        lineHasBold = true;
      } else {
        lineHasPlain = true;
      }
      if (buf.length() < 20_000) {
        buf.append(text);
      }
    }

    void flush() {
      if (lineStarted) {
        String text = clean(buf.toString());
        if (!text.isEmpty() && lines.size() < MAX_LINES) {
          JobLine.Kind kind;
          if (lineHasHeading && !lineHasPlain) {
            kind = JobLine.Kind.HEADING;
          } else if (lineInLi) {
            kind = JobLine.Kind.BULLET;
          } else if (lineHasBold && !lineHasPlain && text.length() <= MAX_BOLD_HEADING) {
            kind = JobLine.Kind.HEADING;
          } else {
            kind = JobLine.Kind.TEXT;
          }
          lines.add(new JobLine(kind, text));
        }
      }
      buf.setLength(0);
      lineStarted = false;
      lineInLi = false;
      lineHasHeading = false;
      lineHasPlain = false;
      lineHasBold = false;
    }
  }
}
