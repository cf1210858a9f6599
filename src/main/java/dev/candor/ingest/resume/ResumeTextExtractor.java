package dev.candor.ingest.resume;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.namespace.QName;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.hwpf.HWPFDocument;
import org.apache.poi.hwpf.extractor.WordExtractor;
import org.apache.poi.hwpf.usermodel.Paragraph;
import org.apache.poi.hwpf.usermodel.Range;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.xmlbeans.XmlCursor;
import org.apache.xmlbeans.XmlObject;

/**
 * Text out of a resume in any of the formats Candor takes, with the limits a server needs: size, pages,
 * decompression ratio, passwords, and PDFs that are only pictures. The type comes from the bytes.
 */
public final class ResumeTextExtractor {

  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
  private static final String CELL_MARK = "\u0007";
  /** Word's number format code for a bullet (nfcBullet). */
  private static final int BULLET_FORMAT = 23;
  private static final String LINE_BREAK = "\u000B";
  private static final Pattern HYPERLINK_FIELD = Pattern.compile("HYPERLINK\\s+\"([^\"]{1,2000})\"");
  private static final String TEXT_BOX_PATH = "declare namespace w='http://schemas.openxmlformats.org/wordprocessingml/2006/main' "
      + ".//w:txbxContent/w:p";

  private final int maxPages;

  public ResumeTextExtractor(int maxPages) {
    this.maxPages = maxPages;
  }

  public ExtractedText extract(byte[] bytes, long maxBytes) throws DocumentException {
    return extract(bytes, maxBytes, EnumSet.allOf(DocumentType.class));
  }

  /** @param accepted the formats this caller takes (seed 001 takes PDF only); others are UNSUPPORTED_TYPE */
  public ExtractedText extract(byte[] bytes, long maxBytes, Set<DocumentType> accepted) throws DocumentException {
    if (bytes.length == 0) {
      throw new DocumentException(DocumentException.Reason.EMPTY, "The file is empty");
    }
    if (bytes.length > maxBytes) {
      throw new DocumentException(DocumentException.Reason.TOO_LARGE,
          "The file is " + bytes.length + " bytes; the limit is " + maxBytes + " bytes (" + maxBytes / (1024 * 1024) + " MB)");
    }
    DocumentType type = DocumentType.detect(bytes).filter(accepted::contains).orElseThrow(() -> new DocumentException(
        DocumentException.Reason.UNSUPPORTED_TYPE, "Unsupported file type: upload a " + String.join(", ",
            accepted.stream().map(DocumentType::name).toList()) + " resume"));
    ExtractedText extracted = switch (type) {
      case PDF -> pdf(bytes);
      case DOCX -> docx(bytes);
      case DOC -> doc(bytes);
      case TXT -> new ExtractedText(DocumentType.TXT, normalise(text(bytes)), 1);
    };
    if (extracted.text().isBlank()) {
      throw new DocumentException(DocumentException.Reason.NO_TEXT, type == DocumentType.PDF
          ? "This PDF has no text layer (it looks like a scanned image); export the resume as a text PDF or upload DOCX"
          : "The document contains no text");
    }
    return extracted;
  }

  private ExtractedText pdf(byte[] bytes) throws DocumentException {
    try (PDDocument document = Loader.loadPDF(bytes)) {
      int pages = document.getNumberOfPages();
      checkPages(pages);
      String text = new PDFTextStripper().getText(document);
      return new ExtractedText(DocumentType.PDF, normalise(text + linksNotInText(document, text)), pages);
    } catch (InvalidPasswordException e) {
      throw new DocumentException(DocumentException.Reason.ENCRYPTED,
          "The PDF is password-protected; remove the password and upload it again", e);
    } catch (IOException | RuntimeException e) {
      throw new DocumentException(DocumentException.Reason.CORRUPT, "The PDF could not be read: " + e.getMessage(), e);
    }
  }

  /** A LinkedIn or GitHub icon carries its address only in the link: those addresses are added as lines. */
  private static String linksNotInText(PDDocument document, String text) throws IOException {
    Set<String> links = new LinkedHashSet<>();
    for (PDPage page : document.getPages()) {
      for (PDAnnotation annotation : page.getAnnotations()) {
        if (annotation instanceof PDAnnotationLink link && link.getAction() instanceof PDActionURI uri && uri.getURI() != null) {
          links.add(uri.getURI().trim());
        }
      }
    }
    return linksNotInText(links, text);
  }

  private static String linksNotInText(Set<String> links, String text) {
    List<String> missing = new ArrayList<>();
    for (String address : links) {
      String bare = address.replaceFirst("(?i)^(https?://)?(www\\.)?", "").replaceFirst("/$", "");
      if (!address.toLowerCase(Locale.ROOT).startsWith("mailto:") && !text.contains(bare)) {
        missing.add(address);
      }
    }
    return missing.isEmpty() ? "" : "\n" + String.join("\n", missing) + "\n";
  }

  private ExtractedText docx(byte[] bytes) throws DocumentException {
    try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(bytes));
        BulletedWordExtractor extractor = new BulletedWordExtractor(document)) {
      int pages = document.getProperties().getExtendedProperties().getPages();
      checkPages(pages);
      StringBuilder text = new StringBuilder(extractor.getText());
      // boxes the extractor does not pass through a paragraph (a box in a table cell) are read after the rest
      List<String> unread = new ArrayList<>(textBoxes(document.getDocument()));
      extractor.boxesRead.forEach(unread::remove);
      unread.forEach(box -> text.append('\n').append(box));
      return new ExtractedText(DocumentType.DOCX, normalise(text.toString()), Math.max(1, pages));
    } catch (DocumentException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw officeFailure("DOCX", e);
    }
  }

  /**
   * Word's extractor, with a bullet before each paragraph of a bulleted list (the glyph lives in the numbering), and the
   * text boxes a paragraph anchors read after it: the extractor skips them, and résumé templates put contact details and
   * a job's dates in them. Read at their anchor, the dates stay beside their job instead of gathering at the end.
   */
  private static final class BulletedWordExtractor extends XWPFWordExtractor {
    private final List<String> boxesRead = new ArrayList<>();

    BulletedWordExtractor(XWPFDocument document) {
      super(document);
    }

    @Override
    public void appendParagraphText(StringBuilder text, XWPFParagraph paragraph) {
      if (paragraph.getNumID() != null && "bullet".equals(paragraph.getNumFmt())) {
        text.append("• ");
      }
      super.appendParagraphText(text, paragraph);
      for (String box : textBoxes(paragraph.getCTP())) {
        text.append('\n').append(box);
        boxesRead.add(box);
      }
    }
  }

  /**
   * The text boxes' paragraphs under an element. Word writes each box twice, as a drawing and as a VML fallback for old
   * readers (mc:AlternateContent); only the drawing is read.
   */
  private static List<String> textBoxes(XmlObject anchor) {
    List<String> boxes = new ArrayList<>();
    for (XmlObject paragraph : anchor.selectPath(TEXT_BOX_PATH)) {
      try (XmlCursor cursor = paragraph.newCursor()) {
        String text = cursor.getTextValue().trim();
        if (!text.isEmpty() && !insideFallback(cursor)) {
          boxes.add(text);
        }
      }
    }
    return boxes;
  }

  private static final String MARKUP_COMPATIBILITY = "http://schemas.openxmlformats.org/markup-compatibility/2006";

  /** Moves the cursor up to the root: whether it passed an mc:Fallback. */
  private static boolean insideFallback(XmlCursor cursor) {
    while (cursor.toParent()) {
      QName name = cursor.getName();
      if (name != null && MARKUP_COMPATIBILITY.equals(name.getNamespaceURI()) && "Fallback".equals(name.getLocalPart())) {
        return true;
      }
    }
    return false;
  }

  private ExtractedText doc(byte[] bytes) throws DocumentException {
    try (HWPFDocument document = new HWPFDocument(new ByteArrayInputStream(bytes))) {
      int pages = document.getSummaryInformation() == null ? 0 : document.getSummaryInformation().getPageCount();
      checkPages(pages);
      return new ExtractedText(DocumentType.DOC, normalise(paragraphs(document)), Math.max(1, pages));
    } catch (DocumentException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw officeFailure("DOC", e);
    }
  }

  /**
   * A Word 97 document's text paragraph by paragraph: the extractor's whole-text view runs the paragraphs of a table
   * cell together ("...budgetsSpecified the system..."). A cell ends with a column break and a table row with a line
   * break, as in the DOCX reading; a manual line break (VT) is a line break; a list item gets a bullet (its own glyph
   * lives in the list's numbering, not in the text); field codes (HYPERLINK "...") are dropped, and a link's address
   * that its text does not show is added as a line at the end, as for a PDF.
   */
  private static String paragraphs(HWPFDocument document) {
    StringBuilder text = new StringBuilder();
    Set<String> links = new LinkedHashSet<>();
    Range range = document.getRange();
    for (int i = 0; i < range.numParagraphs(); i++) {
      Paragraph paragraph = range.getParagraph(i);
      if (paragraph.isTableRowEnd()) {
        text.append('\n');
        continue;
      }
      if (isListItem(paragraph)) {
        text.append("• ");
      }
      Matcher link = HYPERLINK_FIELD.matcher(paragraph.text());
      while (link.find()) {
        links.add(link.group(1));
      }
      text.append(WordExtractor.stripFields(paragraph.text()).replace(CELL_MARK, "\t").replace(LINE_BREAK, "\n"));
    }
    return text + linksNotInText(links, text.toString());
  }

  /**
   * A paragraph of a bulleted list. An outline level with no number is a heading, and a numbered paragraph may be one
   * ("1. EDUCATION"): neither is an item.
   */
  private static boolean isListItem(Paragraph paragraph) {
    if (!paragraph.isInList()) {
      return false;
    }
    try {
      return paragraph.getList().getNumberFormat((char) paragraph.getIlvl()) == BULLET_FORMAT;
    } catch (RuntimeException e) {
      // a list table that does not hold together: the paragraph is read as plain text
      return false;
    }
  }

  private static DocumentException officeFailure(String format, Exception e) {
    String message = String.valueOf(e.getMessage());
    if (message.contains("Zip bomb")) {
      return new DocumentException(DocumentException.Reason.ZIP_BOMB,
          "The " + format + " file expands to far more than its size (a zip bomb?); it was not opened", e);
    }
    if (message.toLowerCase(Locale.ROOT).contains("encrypt") || message.toLowerCase(Locale.ROOT).contains("password")) {
      return new DocumentException(DocumentException.Reason.ENCRYPTED,
          "The " + format + " file is password-protected; remove the password and upload it again", e);
    }
    return new DocumentException(DocumentException.Reason.CORRUPT, "The " + format + " file could not be read: " + message, e);
  }

  private void checkPages(int pages) throws DocumentException {
    if (pages > maxPages) {
      throw new DocumentException(DocumentException.Reason.TOO_MANY_PAGES,
          "The document has " + pages + " pages; a resume may have at most " + maxPages);
    }
  }

  /** UTF-8 or UTF-16 with a byte order mark, strict UTF-8, else Windows-1252 (what old editors wrote). */
  static String text(byte[] bytes) {
    if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
      return new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
    }
    if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
      return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
    }
    if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
      return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE);
    }
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      return new String(bytes, WINDOWS_1252);
    }
  }

  /** One line per line, no carriage returns or non-breaking spaces, at most one blank line in a row. */
  static String normalise(String text) {
    String unified = text.replace("\r\n", "\n").replace('\r', '\n').replace('\u00A0', ' ').replace("\f", "\n");
    StringBuilder out = new StringBuilder();
    int blanks = 0;
    for (String line : unified.split("\n", -1)) {
      String trimmed = line.strip();
      if (trimmed.isEmpty()) {
        blanks++;
        if (blanks > 1 || out.length() == 0) {
          continue;
        }
      } else {
        blanks = 0;
      }
      out.append(trimmed).append('\n');
    }
    return out.toString().strip();
  }
}
