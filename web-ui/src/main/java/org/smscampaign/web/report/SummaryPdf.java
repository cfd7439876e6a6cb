package org.smscampaign.web.report;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import org.springframework.stereotype.Component;

/**
 * A summary as a PDF, rendered server-side from the summary fragment the page shows
 * (openhtmltopdf on PDFBox): landscape A4, page numbers, tables repeat their header on
 * each page.
 */
@Component
public class SummaryPdf {

    /** A Unicode font when the system has one; else PDF's built-in Helvetica (Latin). */
    private static final File UNICODE_FONT = new File("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");

    private static final File UNICODE_BOLD = new File("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf");

    private final ITemplateEngine templates;

    SummaryPdf(ITemplateEngine templates) {
        this.templates = templates;
    }

    public byte[] render(SummaryDocument document) {
        String html = this.templates.process("reports/pdf", new Context(Locale.US, Map.of("doc", document)));
        org.w3c.dom.Document dom = new W3CDom().fromJsoup(Jsoup.parse(html));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            if (UNICODE_FONT.canRead()) {
                builder.useFont(UNICODE_FONT, "Report Sans");
                if (UNICODE_BOLD.canRead()) {
                    builder.useFont(UNICODE_BOLD, "Report Sans", 700, BaseRendererBuilder.FontStyle.NORMAL, true);
                }
            }
            builder.withW3cDocument(dom, null);
            builder.toStream(out);
            builder.run();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return out.toByteArray();
    }

}
