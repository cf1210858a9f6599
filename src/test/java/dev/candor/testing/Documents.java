package dev.candor.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;

/** Documents the tests write themselves (PDFBox, POI, plain zip), so they never depend on files outside the repo. */
public final class Documents {

  private Documents() {}

  /** A PDF with one line of text per entry, and optionally a link annotation (an icon's hidden address). */
  public static byte[] pdf(List<String> lines, String linkUri) throws IOException {
    try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PDPage page = new PDPage(PDRectangle.LETTER);
      document.addPage(page);
      try (PDPageContentStream content = new PDPageContentStream(document, page)) {
        content.beginText();
        content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 11);
        content.newLineAtOffset(50, 740);
        for (String line : lines) {
          content.showText(line);
          content.newLineAtOffset(0, -15);
        }
        content.endText();
      }
      if (linkUri != null) {
        PDAnnotationLink link = new PDAnnotationLink();
        link.setRectangle(new PDRectangle(50, 50, 20, 20));
        PDActionURI action = new PDActionURI();
        action.setURI(linkUri);
        link.setAction(action);
        page.getAnnotations().add(link);
      }
      document.save(out);
      return out.toByteArray();
    }
  }

  /**
   * A PDF like a scan's OCR layer: every word placed on its own, invisible (text render mode 3, over where the page image
   * would be), with uneven gaps and a baseline that wanders by a point or two, so the text is put back together from
   * positions alone. The OCR's misreadings are in the lines as given.
   */
  public static byte[] ocrLayerPdf(List<String> lines) throws IOException {
    java.util.Random jitter = new java.util.Random(7);
    PDType1Font font = new PDType1Font(Standard14Fonts.FontName.TIMES_ROMAN);
    try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PDPage page = new PDPage(PDRectangle.LETTER);
      document.addPage(page);
      try (PDPageContentStream content = new PDPageContentStream(document, page)) {
        content.setRenderingMode(org.apache.pdfbox.pdmodel.graphics.state.RenderingMode.NEITHER);
        float y = 740;
        for (String line : lines) {
          float x = 50;
          for (String word : line.split(" ")) {
            if (!word.isEmpty()) {
              content.beginText();
              content.setFont(font, 11);
              content.newLineAtOffset(x, y + (jitter.nextFloat() * 3 - 1.5f));
              content.showText(word);
              content.endText();
            }
            x += font.getStringWidth(word) / 1000 * 11 + 3 + jitter.nextFloat() * 4;
          }
          y -= 15;
        }
      }
      document.save(out);
      return out.toByteArray();
    }
  }

  public static byte[] blankPdf(int pages) throws IOException {
    try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      for (int i = 0; i < pages; i++) {
        document.addPage(new PDPage());
      }
      document.save(out);
      return out.toByteArray();
    }
  }

  public static byte[] encryptedPdf(List<String> lines, String userPassword) throws IOException {
    try (PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf(lines, null));
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", userPassword, new AccessPermission());
      policy.setEncryptionKeyLength(128);
      document.protect(policy);
      document.save(out);
      return out.toByteArray();
    }
  }

  /** A DOCX with one paragraph per entry and a 2x2 table whose cells hold the table entries. */
  public static byte[] docx(List<String> paragraphs, List<String> tableCells) throws IOException {
    try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      paragraphs.forEach(text -> document.createParagraph().createRun().setText(text));
      if (!tableCells.isEmpty()) {
        XWPFTable table = document.createTable(2, 2);
        for (int i = 0; i < Math.min(4, tableCells.size()); i++) {
          table.getRow(i / 2).getCell(i % 2).setText(tableCells.get(i));
        }
      }
      document.write(out);
      return out.toByteArray();
    }
  }

  /**
   * A Word 97 .doc with the same content as {@link #docx}: POI cannot write one, so LibreOffice converts the
   * DOCX (`.ci/run` installs it: `apt-get install libreoffice-writer-nogui`).
   */
  public static byte[] doc(List<String> paragraphs, List<String> tableCells) throws IOException, InterruptedException {
    return wordDoc("resume.docx", docx(paragraphs, tableCells));
  }

  /**
   * A Word 97 .doc written by LibreOffice from HTML, for layouts POI cannot write: several paragraphs in one table
   * cell, bulleted lists, manual line breaks ({@code <br>}).
   */
  public static byte[] docFromHtml(String html) throws IOException, InterruptedException {
    return converted("resume.html", html.getBytes(java.nio.charset.StandardCharsets.UTF_8), "doc:MS Word 97",
        "--infilter=HTML (StarWriter)");
  }

  /** A DOCX written by LibreOffice from HTML: lists with Word's own numbering, which POI writes only by hand. */
  public static byte[] docxFromHtml(String html) throws IOException, InterruptedException {
    return converted("resume.html", html.getBytes(java.nio.charset.StandardCharsets.UTF_8), "docx:MS Word 2007 XML",
        "--infilter=HTML (StarWriter)");
  }

  private static byte[] wordDoc(String name, byte[] content) throws IOException, InterruptedException {
    return converted(name, content, "doc:MS Word 97");
  }

  private static byte[] converted(String name, byte[] content, String target, String... options)
      throws IOException, InterruptedException {
    java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("candor-doc");
    try {
      java.nio.file.Path source = dir.resolve(name);
      java.nio.file.Files.write(source, content);
      // Its own profile folder, so that a LibreOffice already running for the user does not take the job.
      List<String> command = new java.util.ArrayList<>(List.of("soffice", "-env:UserInstallation=" + dir.resolve("profile").toUri(),
          "--headless"));
      command.addAll(List.of(options));
      command.addAll(List.of("--convert-to", target, "--outdir", dir.toString(), source.toString()));
      Process soffice;
      try {
        soffice = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("soffice.log").toFile()).start();
      } catch (IOException e) {
        throw new IOException("LibreOffice (soffice) is needed to make a .doc: apt-get install libreoffice-writer-nogui", e);
      }
      if (!soffice.waitFor(120, java.util.concurrent.TimeUnit.SECONDS) || soffice.exitValue() != 0) {
        soffice.destroyForcibly();
        throw new IOException("soffice could not convert the document: " + java.nio.file.Files.readString(dir.resolve("soffice.log")));
      }
      return java.nio.file.Files.readAllBytes(dir.resolve("resume." + target.substring(0, target.indexOf(':'))));
    } finally {
      try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.walk(dir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      }
    }
  }

  /** A zip laid out like a DOCX whose document part inflates to {@code inflatedBytes} of nothing. */
  public static byte[] zipBombDocx(int inflatedBytes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      entry(zip, "[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/"
          + "content-types\"><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/word/document.xml\" "
          + "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>");
      entry(zip, "_rels/.rels", "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/"
          + "relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
          + "relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>");
      zip.putNextEntry(new ZipEntry("word/document.xml"));
      byte[] spaces = new byte[1 << 16];
      java.util.Arrays.fill(spaces, (byte) ' ');
      for (int written = 0; written < inflatedBytes; written += spaces.length) {
        zip.write(spaces);
      }
      zip.closeEntry();
    }
    return out.toByteArray();
  }

  /** A zip laid out like a DOCX whose document part is not XML. */
  public static byte[] corruptDocx() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      entry(zip, "word/document.xml", "this is not xml <<<");
    }
    return out.toByteArray();
  }

  private static void entry(ZipOutputStream zip, String name, String content) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(content.getBytes(StandardCharsets.UTF_8));
    zip.closeEntry();
  }
}
