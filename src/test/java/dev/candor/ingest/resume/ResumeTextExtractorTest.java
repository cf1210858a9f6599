package dev.candor.ingest.resume;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.candor.interview.Resume;
import dev.candor.testing.Documents;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Text out of every format, and every way a file can be refused, on documents the test writes itself. */
class ResumeTextExtractorTest {

  private static final long LIMIT = 5L * 1024 * 1024;
  private final ResumeTextExtractor extractor = new ResumeTextExtractor(20);

  @Test
  void aTextBoxIsReadOnceThoughWordWritesItTwiceAndWhereItIsAnchored() throws Exception {
    // Word 2010 and later write a text box as a drawing (mc:Choice) and again as VML for older readers (mc:Fallback).
    // A résumé template keeps each job's dates in a box anchored beside the job: read there, not at the end.
    String box = "<w:txbxContent><w:p><w:r><w:t>Mar - 2023 to Current</w:t></w:r></w:p></w:txbxContent>";
    String schoolBox = "<w:txbxContent><w:p><w:r><w:t>July - 2010 to May - 2014</w:t></w:r></w:p></w:txbxContent>";
    String cellBox = "<w:txbxContent><w:p><w:r><w:t>jane@example.com</w:t></w:r></w:p></w:txbxContent>";
    String document = "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""
        + " xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\""
        + " xmlns:wps=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\""
        + " xmlns:v=\"urn:schemas-microsoft-com:vml\" mc:Ignorable=\"wps\"><w:body>"
        + "<w:p><w:r><w:t>Jane Roe</w:t></w:r></w:p>"
        + "<w:p><w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><wps:txbx>" + box + "</wps:txbx></mc:Choice>"
        + "<mc:Fallback><v:textbox>" + box + "</v:textbox></mc:Fallback></mc:AlternateContent></w:r></w:p>"
        + "<w:p><w:r><w:t>Client: Northern Trust, Chicago, IL</w:t></w:r></w:p>"
        + "<w:p><w:r><w:t>EDUCATION</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><wps:txbx>" + schoolBox
        + "</wps:txbx></mc:Choice><mc:Fallback><v:textbox>" + schoolBox + "</v:textbox></mc:Fallback></mc:AlternateContent></w:r></w:p>"
        + "<w:p><w:r><w:t>Bachelor of Technology</w:t></w:r></w:p>"
        + "<w:tbl><w:tr><w:tc><w:p><w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><wps:txbx>" + cellBox
        + "</wps:txbx></mc:Choice><mc:Fallback><v:textbox>" + cellBox + "</v:textbox></mc:Fallback></mc:AlternateContent>"
        + "</w:r></w:p></w:tc></w:tr></w:tbl>"
        + "</w:body></w:document>";
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(bytes)) {
      entry(zip, "[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
          + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
          + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument"
          + ".wordprocessingml.document.main+xml\"/></Types>");
      entry(zip, "_rels/.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
          + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
          + "officeDocument\" Target=\"word/document.xml\"/></Relationships>");
      entry(zip, "word/document.xml", document);
    }
    String text = extractor.extract(bytes.toByteArray(), 1_000_000).text();
    assertEquals(List.of("Jane Roe", "Mar - 2023 to Current", "Client: Northern Trust, Chicago, IL", "EDUCATION",
        "July - 2010 to May - 2014", "Bachelor of Technology", "jane@example.com"),
        text.lines().filter(line -> !line.isBlank()).toList(), "a box in a table cell is read too, once");
  }

  private static void entry(java.util.zip.ZipOutputStream zip, String name, String content) throws java.io.IOException {
    zip.putNextEntry(new java.util.zip.ZipEntry(name));
    zip.write(content.getBytes(StandardCharsets.UTF_8));
    zip.closeEntry();
  }

  @Test
  void aPdfGivesItsLinesAndTheAddressBehindAnIcon() throws Exception {
    byte[] pdf = Documents.pdf(List.of("Jane Candidate", "jane@example.com", "EXPERIENCE", "Engineer at Acme"),
        "https://www.linkedin.com/in/jane-candidate");
    ExtractedText text = extractor.extract(pdf, LIMIT);
    assertEquals(DocumentType.PDF, text.type());
    assertEquals(1, text.pages());
    assertTrue(text.text().startsWith("Jane Candidate\njane@example.com\nEXPERIENCE"), text.text());
    assertTrue(text.text().contains("https://www.linkedin.com/in/jane-candidate"), text.text());
  }

  @Test
  void aDocxGivesParagraphsAndTables() throws Exception {
    byte[] docx = Documents.docx(List.of("Jane Candidate", "SKILLS"), List.of("Java", "Kafka", "SQL", "Go"));
    ExtractedText text = extractor.extract(docx, LIMIT);
    assertEquals(DocumentType.DOCX, text.type());
    for (String expected : List.of("Jane Candidate", "SKILLS", "Java", "Kafka", "SQL", "Go")) {
      assertTrue(text.text().contains(expected), expected + " in " + text.text());
    }
  }

  @Test
  void aWord97DocGivesParagraphsAndTables() throws Exception {
    byte[] doc = Documents.doc(List.of("Jane Candidate", "SKILLS", "Zoë Müller – Résumé"), List.of("Java", "Kafka", "SQL", "Go"));
    ExtractedText text = extractor.extract(doc, LIMIT);
    assertEquals(DocumentType.DOC, text.type());
    for (String expected : List.of("Jane Candidate", "SKILLS", "Zoë Müller – Résumé", "Java", "Kafka", "SQL", "Go")) {
      assertTrue(text.text().contains(expected), expected + " in " + text.text());
    }
  }

  @Test
  void aWord97ResumeBuiltFromTablesKeepsEachParagraphOnItsLine() throws Exception {
    // Word's resume wizard: the section name in the left cell, a whole job's paragraphs in the right one.
    byte[] doc = Documents.docFromHtml("""
        <html><body>
        <p>Jason Voegele<br>12 Winding Way</p>
        <table><tr><td>Professional experience</td><td><p>2000 - present, Atos Origin, Inc.</p><p>Consultant</p>
        <p>Developed a web application for a global client</p><p>Specified the system architecture</p></td></tr>
        <tr><td>Education</td><td><p>1992 - 1998, The Ohio State University</p></td></tr></table>
        <ul><li>Mentored new developers</li><li>Ran the release train</li></ul>
        <p>See <a href="https://example.com/portfolio">my portfolio</a></p>
        </body></html>
        """);
    List<String> lines = extractor.extract(doc, LIMIT).text().lines().toList();
    assertAll(
        () -> assertEquals(List.of("Jason Voegele", "12 Winding Way"), lines.subList(0, 2), "a manual line break"),
        () -> assertTrue(lines.contains("Professional experience\t2000 - present, Atos Origin, Inc."), "a row's cells: " + lines),
        () -> assertTrue(lines.contains("Developed a web application for a global client"), "a cell's paragraphs: " + lines),
        () -> assertTrue(lines.contains("Specified the system architecture"), lines.toString()),
        () -> assertTrue(lines.contains("Education\t1992 - 1998, The Ohio State University"), "the next row: " + lines),
        () -> assertTrue(lines.contains("• Mentored new developers"), "a list item is a bullet: " + lines),
        () -> assertTrue(lines.contains("See my portfolio"), "a link's field code is dropped: " + lines),
        () -> assertTrue(lines.contains("https://example.com/portfolio"), "the address it hid is kept: " + lines));
  }

  @Test
  void bulletedParagraphsOfWordDocumentsKeepABullet() throws Exception {
    String html = """
        <html><body><h2>Experience</h2>
        <ul><li>Provided direct patient care.</li><li>Performed sterile dressing changes.</li></ul>
        <ol><li>First numbered step</li></ol>
        </body></html>
        """;
    for (byte[] document : List.of(Documents.docxFromHtml(html), Documents.docFromHtml(html))) {
      List<String> lines = extractor.extract(document, LIMIT).text().lines().toList();
      assertTrue(lines.contains("• Provided direct patient care."), lines.toString());
      assertTrue(lines.contains("• Performed sterile dressing changes."), lines.toString());
      assertTrue(lines.contains("First numbered step"), "a numbered paragraph may be a heading: no bullet " + lines);
      assertTrue(lines.contains("Experience"), lines.toString());
    }
  }

  @Test
  void aScannedResumesOcrLayerIsReadDespiteItsMisreadings() throws Exception {
    // What OCR makes of a scan: headings broken inside a word or with l for I, bullets read as letters, O for 0 in years,
    // specks read as signs.
    byte[] pdf = Documents.ocrLayerPdf(List.of(
        "Dana Whitfield",
        "dana.whitfield@example.com | (312) 555-0147 | Chicago, IL",
        "EXPER IENCE",
        "Operations Manager | Lakeshore Logistics | Mar 2O19 - Present",
        "e Cut late deliveries by 30% across three depots",
        "« Trained 12 dispatchers on the new routing tool",
        "| ~",
        "Shift Supervisor | Midway Freight | Jun 2015 - Feb 2Ol9",
        "e Ran the night shift of 25 loaders",
        "EDUCATlON",
        "B.S. Business Administration | DePaul University | 2015"));
    Resume r = ResumeParser.parse(extractor.extract(pdf, LIMIT).text());
    assertAll(
        () -> assertEquals("Dana Whitfield", r.name()),
        () -> assertEquals("dana.whitfield@example.com", r.email()),
        () -> assertEquals("Chicago, IL", r.location()),
        () -> assertEquals(2, r.experience().size(), r.experience().toString()),
        () -> assertEquals("Lakeshore Logistics", r.experience().get(0).company()),
        () -> assertEquals("Operations Manager", r.experience().get(0).position()),
        () -> assertEquals("Mar 2019", r.experience().get(0).startDate(), "O read for 0"),
        () -> assertEquals(List.of("Cut late deliveries by 30% across three depots", "Trained 12 dispatchers on the new routing tool"),
            r.experience().get(0).highlights(), "bullets read as letters, specks dropped"),
        () -> assertEquals("Feb 2019", r.experience().get(1).endDate()),
        () -> assertEquals("DePaul University", r.education().get(0).institution()),
        () -> assertEquals("2015", r.education().get(0).year()));
  }

  @Test
  void aLinkedInProfilePastedIntoWord() throws Exception {
    byte[] docx = Documents.docx(List.of("Ahmed Khan", "Senior Backend Engineer at Shopify | Ruby, Go, Distributed Systems",
        "Toronto, Ontario, Canada", "Contact info", "500+ connections", "About",
        "I build payment systems that do not fall over on Black Friday.", "Experience", "Senior Backend Engineer",
        "Shopify · Full-time", "Jan 2021 - Present · 3 yrs 11 mos", "Toronto, Ontario, Canada · Remote",
        "Led the migration of checkout to a cell-based architecture.", "Backend Engineer", "Wattpad · Full-time",
        "Jun 2017 - Dec 2020 · 3 yrs 7 mos", "Toronto, Ontario, Canada", "Built the recommendation API in Go.", "Education",
        "University of Waterloo", "Bachelor of Applied Science - BASc, Computer Engineering", "2012 - 2017", "Skills",
        "Ruby on Rails", "Endorsed by 12 colleagues at Shopify", "Go (Programming Language)"), List.of());
    Resume r = ResumeParser.parse(extractor.extract(docx, LIMIT).text());
    assertAll(
        () -> assertEquals("Ahmed Khan", r.name()),
        () -> assertEquals("Toronto, Ontario, Canada", r.location()),
        () -> assertEquals(List.of("Shopify", "Wattpad"), r.experience().stream().map(Resume.Experience::company).toList()),
        () -> assertEquals(List.of("Senior Backend Engineer", "Backend Engineer"),
            r.experience().stream().map(Resume.Experience::position).toList()),
        () -> assertEquals("Led the migration of checkout to a cell-based architecture.", r.experience().get(0).description(),
            "the place and 'Remote' are not the description"),
        () -> assertEquals("Bachelor of Applied Science", r.education().get(0).degree()),
        () -> assertEquals("Computer Engineering", r.education().get(0).field(), "the degree's initials dropped"),
        () -> assertEquals(List.of("Ruby on Rails", "Go (Programming Language)"), r.skills(), "endorsements are no skills"));
  }

  @Test
  void textIsDecodedWhateverItsEncoding() throws Exception {
    String resume = "Zoë Müller – Résumé\nnaïve café";
    assertEquals(resume, extractor.extract(resume.getBytes(StandardCharsets.UTF_8), LIMIT).text());
    assertEquals(resume, extractor.extract(withPrefix(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
        resume.getBytes(StandardCharsets.UTF_8)), LIMIT).text());
    assertEquals(resume, extractor.extract(withPrefix(new byte[] {(byte) 0xFF, (byte) 0xFE},
        resume.getBytes(StandardCharsets.UTF_16LE)), LIMIT).text());
    assertEquals(resume, extractor.extract(resume.getBytes(Charset.forName("windows-1252")), LIMIT).text());
  }

  @Test
  void theTypeComesFromTheBytesNotTheName() throws Exception {
    // The caller never passes a name: a PDF uploaded as "resume.docx" is still read as a PDF.
    assertEquals(DocumentType.PDF, extractor.extract(Documents.pdf(List.of("Jane"), null), LIMIT).type());
    byte[] executable = new byte[4096];
    executable[0] = 'M';
    executable[1] = 'Z';
    assertRefused(executable, DocumentException.Reason.UNSUPPORTED_TYPE);
    assertRefused(new byte[] {'P', 'K', 3, 4, 0, 0, 0, 0}, DocumentException.Reason.UNSUPPORTED_TYPE);
  }

  @Test
  void everyBadFileIsRefusedWithItsReason() throws Exception {
    assertRefused(new byte[0], DocumentException.Reason.EMPTY);
    assertRefused(Documents.encryptedPdf(List.of("Jane"), "secret"), DocumentException.Reason.ENCRYPTED);
    assertRefused(Documents.blankPdf(1), DocumentException.Reason.NO_TEXT);
    assertRefused(Documents.blankPdf(21), DocumentException.Reason.TOO_MANY_PAGES);
    assertRefused(Documents.corruptDocx(), DocumentException.Reason.CORRUPT);
    assertRefused(Documents.zipBombDocx(200 * 1024 * 1024), DocumentException.Reason.ZIP_BOMB);
    assertRefused("%PDF-1.7\nthis is no pdf".getBytes(StandardCharsets.US_ASCII), DocumentException.Reason.CORRUPT);
    byte[] overLimit = new byte[(int) LIMIT + 1];
    Arrays.fill(overLimit, (byte) 'a');
    assertRefused(overLimit, DocumentException.Reason.TOO_LARGE);
    overLimit[overLimit.length - 1] = '\n';
    assertEquals(DocumentType.TXT, extractor.extract(Arrays.copyOf(overLimit, (int) LIMIT), LIMIT).type(),
        "exactly at the limit is accepted");
  }

  @Test
  void aPdfWithOnlyAnOwnerPasswordIsRead() throws Exception {
    assertTrue(extractor.extract(Documents.encryptedPdf(List.of("Jane Candidate"), ""), LIMIT).text().contains("Jane Candidate"));
  }

  private void assertRefused(byte[] bytes, DocumentException.Reason reason) {
    DocumentException e = assertThrows(DocumentException.class, () -> extractor.extract(bytes, LIMIT));
    assertEquals(reason, e.reason(), e.getMessage());
    assertTrue(e.getMessage().length() > 10, e.getMessage());
  }

  private static byte[] withPrefix(byte[] prefix, byte[] body) {
    byte[] all = Arrays.copyOf(prefix, prefix.length + body.length);
    System.arraycopy(body, 0, all, prefix.length, body.length);
    return all;
  }
}
