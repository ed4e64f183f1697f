/**
 * Reads what a PDF already knows: its text layer page by page, its AcroForm fields and its
 * metadata. Pages that carry no text but do carry pictures are scans; they go to OCR so that the
 * caller gets one text per page whatever the PDF's producer did.
 */
package org.tsumugi.document.extract;
