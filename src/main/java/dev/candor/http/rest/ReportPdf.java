package dev.candor.http.rest;

import dev.candor.interview.Report;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * An interview's report as a PDF (PDFBox): what the web app's report shows, as a document a candidate keeps or
 * sends: the overall score, a bar per answer, the recommendation and summary, strengths, improvements, drills, the
 * follow-up to prepare and every answer with its feedback. Text is set in Helvetica (a standard font, nothing
 * embedded), so characters outside its Latin-1 repertoire are replaced by their nearest plain form or a "?".
 */
final class ReportPdf {

  private static final PDType1Font REGULAR = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
  private static final PDType1Font BOLD = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
  private static final float MARGIN = 56;
  private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;
  private static final float BAR_HEIGHT = 60;

  private final PDDocument document = new PDDocument();
  private PDPageContentStream page;
  private float y;

  private ReportPdf() {}

  /** @param title the job the interview was for, or null */
  static byte[] of(Report report, String title) {
    ReportPdf pdf = new ReportPdf();
    try (pdf.document) {
      pdf.newPage();
      pdf.line(BOLD, 20, "Candor interview report");
      if (title != null && !title.isBlank()) {
        pdf.paragraph(REGULAR, 12, title);
      }
      pdf.gap(8);
      pdf.line(BOLD, 28, "Overall score: " + report.overallScore() + " / 100");
      pdf.bars(report.questions());
      pdf.paragraph(REGULAR, 11, report.recommendation());
      pdf.paragraph(REGULAR, 11, report.summary());
      pdf.section("Strengths", report.strengths());
      pdf.section("To improve", report.improvements());
      pdf.section("Micro-drills", report.microDrills());
      if (report.followUpQuestion() != null) {
        pdf.heading("A follow-up to prepare");
        pdf.paragraph(REGULAR, 11, report.followUpQuestion());
      }
      pdf.heading("Each answer");
      int n = 1;
      for (Report.QuestionResult q : report.questions()) {
        pdf.paragraph(BOLD, 11, n++ + ". " + q.question() + " (" + q.score() + " / 100)");
        pdf.paragraph(REGULAR, 10, "You said: " + (q.answer() == null || q.answer().isBlank() ? "(no answer)" : q.answer()));
        pdf.paragraph(REGULAR, 10, q.feedback());
        pdf.gap(4);
      }
      pdf.page.close();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      pdf.document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("The report's PDF could not be written", e);
    }
  }

  private void newPage() throws IOException {
    if (page != null) {
      page.close();
    }
    PDPage next = new PDPage(PDRectangle.A4);
    document.addPage(next);
    page = new PDPageContentStream(document, next);
    y = next.getMediaBox().getHeight() - MARGIN;
  }

  private void room(float height) throws IOException {
    if (y - height < MARGIN) {
      newPage();
    }
  }

  private void gap(float points) {
    y -= points;
  }

  private void line(PDType1Font font, float size, String text) throws IOException {
    room(size * 1.4f);
    y -= size * 1.2f;
    page.beginText();
    page.setFont(font, size);
    page.newLineAtOffset(MARGIN, y);
    page.showText(plain(text));
    page.endText();
    y -= size * 0.3f;
  }

  private void paragraph(PDType1Font font, float size, String text) throws IOException {
    if (text == null || text.isBlank()) {
      return;
    }
    for (String wrapped : wrap(font, size, plain(text), WIDTH)) {
      line(font, size, wrapped);
    }
  }

  private void heading(String text) throws IOException {
    gap(6);
    line(BOLD, 14, text);
  }

  private void section(String title, List<String> items) throws IOException {
    if (items.isEmpty()) {
      return;
    }
    heading(title);
    for (String item : items) {
      paragraph(REGULAR, 11, "- " + item);
    }
  }

  /** One bar per question, its height the score out of 100. */
  private void bars(List<Report.QuestionResult> questions) throws IOException {
    if (questions.isEmpty()) {
      return;
    }
    room(BAR_HEIGHT + 24);
    float slot = Math.max(10, Math.min(40, WIDTH / questions.size()));
    float base = y - BAR_HEIGHT - 4;
    page.setNonStrokingColor(0.04f, 0.36f, 0.68f);
    for (int i = 0; i < questions.size(); i++) {
      float height = BAR_HEIGHT * Math.max(0, Math.min(100, questions.get(i).score())) / 100f;
      page.addRect(MARGIN + i * slot + slot * 0.1f, base, slot * 0.8f, Math.max(1, height));
    }
    page.fill();
    page.setNonStrokingColor(0f, 0f, 0f);
    for (int i = 0; i < questions.size(); i++) {
      page.beginText();
      page.setFont(REGULAR, 8);
      page.newLineAtOffset(MARGIN + i * slot + slot * 0.1f, base - 10);
      page.showText("Q" + (i + 1));
      page.endText();
    }
    y = base - 18;
  }

  private static List<String> wrap(PDType1Font font, float size, String text, float width) throws IOException {
    List<String> lines = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String word : breakLongWords(font, size, text.split("\\s+"), width)) {
      String candidate = current.isEmpty() ? word : current + " " + word;
      if (!current.isEmpty() && font.getStringWidth(candidate) / 1000 * size > width) {
        lines.add(current.toString());
        current = new StringBuilder(word);
      } else {
        current = new StringBuilder(candidate);
      }
    }
    if (!current.isEmpty()) {
      lines.add(current.toString());
    }
    return lines;
  }

  /** Words wider than a line (a URL, a long identifier) cut into pieces that fit, so nothing runs off the page. */
  private static List<String> breakLongWords(PDType1Font font, float size, String[] words, float width) throws IOException {
    List<String> out = new ArrayList<>();
    for (String word : words) {
      String rest = word;
      while (rest.length() > 1 && font.getStringWidth(rest) / 1000 * size > width) {
        int cut = rest.length() - 1;
        while (cut > 1 && font.getStringWidth(rest.substring(0, cut)) / 1000 * size > width) {
          cut--;
        }
        out.add(rest.substring(0, cut));
        rest = rest.substring(cut);
      }
      out.add(rest);
    }
    return out;
  }

  /** The text in characters Helvetica's standard encoding has: typographic punctuation made plain, the rest "?". */
  static String plain(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '‘', '’' -> out.append('\'');
        case '“', '”' -> out.append('"');
        case '–', '—' -> out.append('-');
        case '…' -> out.append("...");
        case '\n', '\r', '\t' -> out.append(' ');
        default -> out.append(c >= 32 && c < 127 || c >= 160 && c <= 255 ? c : '?');
      }
    }
    return out.toString();
  }
}
