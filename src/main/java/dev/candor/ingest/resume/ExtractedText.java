package dev.candor.ingest.resume;

/** The text of a document, in reading order, one line per line of the document. */
public record ExtractedText(DocumentType type, String text, int pages) {}
