package dev.candor.ingest.resume;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

/** The resume formats Candor reads, recognised by their bytes, never by a file name or a declared content type. */
public enum DocumentType {
  PDF("application/pdf"),
  DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
  DOC("application/msword"),
  TXT("text/plain");

  private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
  /** PDF allows junk before the header; readers look for it in the first kilobyte. */
  private static final int PDF_HEADER_WINDOW = 1024;
  private static final int TEXT_SNIFF = 8192;

  private final String mediaType;

  DocumentType(String mediaType) {
    this.mediaType = mediaType;
  }

  public String mediaType() {
    return mediaType;
  }

  public static Optional<DocumentType> detect(byte[] bytes) {
    if (isPdf(bytes)) {
      return Optional.of(PDF);
    }
    if (startsWith(bytes, new byte[] {'P', 'K', 3, 4})) {
      return hasZipEntry(bytes, "word/document.xml") ? Optional.of(DOCX) : Optional.empty();
    }
    if (startsWith(bytes, OLE2)) {
      return Optional.of(DOC);
    }
    return looksLikeText(bytes) ? Optional.of(TXT) : Optional.empty();
  }

  private static boolean isPdf(byte[] bytes) {
    String head = new String(bytes, 0, Math.min(bytes.length, PDF_HEADER_WINDOW), StandardCharsets.ISO_8859_1);
    return head.contains("%PDF-");
  }

  private static boolean startsWith(byte[] bytes, byte[] prefix) {
    if (bytes.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (bytes[i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  /** Reads the zip's central directory only: no entry is inflated, so a zip bomb costs nothing here. */
  private static boolean hasZipEntry(byte[] bytes, String name) {
    try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(bytes)).get()) {
      return zip.getEntry(name) != null;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /** Text: a UTF-16 BOM, or no NUL bytes and few control characters in the first 8 KB. */
  private static boolean looksLikeText(byte[] bytes) {
    if (startsWith(bytes, new byte[] {(byte) 0xFF, (byte) 0xFE}) || startsWith(bytes, new byte[] {(byte) 0xFE, (byte) 0xFF})) {
      return true;
    }
    int n = Math.min(bytes.length, TEXT_SNIFF);
    int control = 0;
    for (int i = 0; i < n; i++) {
      int b = bytes[i] & 0xFF;
      if (b == 0) {
        return false;
      }
      if (b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f') {
        control++;
      }
    }
    return control * 100 <= n;
  }
}
