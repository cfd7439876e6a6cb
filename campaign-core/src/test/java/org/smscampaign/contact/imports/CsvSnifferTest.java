package org.smscampaign.contact.imports;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CsvSnifferTest {

    @TempDir
    Path directory;

    private Path file(byte[] content) throws IOException {
        return Files.write(this.directory.resolve("upload.csv"), content);
    }

    private Path file(String content) throws IOException {
        return file(content.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsCommaSeparatedUtf8WithHeaderAndSample() throws Exception {
        CsvSniffer.Sniffed sniffed = CsvSniffer.sniff(file("phone,first_name,city\n+491711234567,Anna,Berlin\n"));

        assertThat(sniffed.separator()).isEqualTo(',');
        assertThat(sniffed.charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(sniffed.bomLength()).isZero();
        assertThat(sniffed.headers()).containsExactly("phone", "first_name", "city");
        assertThat(sniffed.sample()).containsExactly(java.util.List.of("+491711234567", "Anna", "Berlin"));
    }

    @Test
    void readsExcelStyleSemicolonFilesWithBomQuotesAndCrlf() throws Exception {
        byte[] bom = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };
        byte[] body = "Telefon;Vorname;Ort\r\n\"0171 1234567\";\"Müller; Anna\";Köln\r\n"
            .getBytes(StandardCharsets.UTF_8);
        byte[] content = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, content, 0, bom.length);
        System.arraycopy(body, 0, content, bom.length, body.length);

        CsvSniffer.Sniffed sniffed = CsvSniffer.sniff(file(content));

        assertThat(sniffed.separator()).isEqualTo(';');
        assertThat(sniffed.bomLength()).isEqualTo(3);
        assertThat(sniffed.headers()).containsExactly("Telefon", "Vorname", "Ort");
        assertThat(sniffed.sample().get(0)).containsExactly("0171 1234567", "Müller; Anna", "Köln");
    }

    @Test
    void fallsBackToWindows1252ForOldExcelExports() throws Exception {
        byte[] content = "phone;city\n0171 1234567;K\u00f6ln\n".getBytes(CsvSniffer.WINDOWS_1252);

        CsvSniffer.Sniffed sniffed = CsvSniffer.sniff(file(content));

        assertThat(sniffed.charset()).isEqualTo(CsvSniffer.WINDOWS_1252);
        assertThat(sniffed.sample().get(0)).containsExactly("0171 1234567", "Köln");
    }

    @Test
    void readsTabSeparatedUtf16WithBom() throws Exception {
        byte[] body = "phone\tname\n+491711234567\tAnna\n".getBytes(StandardCharsets.UTF_16LE);
        byte[] content = new byte[body.length + 2];
        content[0] = (byte) 0xFF;
        content[1] = (byte) 0xFE;
        System.arraycopy(body, 0, content, 2, body.length);

        CsvSniffer.Sniffed sniffed = CsvSniffer.sniff(file(content));

        assertThat(sniffed.separator()).isEqualTo('\t');
        assertThat(sniffed.headers()).containsExactly("phone", "name");
    }

    @Test
    void aSingleColumnOfNumbersIsCsvToo() throws Exception {
        assertThat(CsvSniffer.sniff(file("phone\n+491711234567\n+491711234568\n")).headers()).containsExactly("phone");
    }

    @Test
    void refusesWhatIsNotCsvSayingWhatItIs() throws IOException {
        assertThatExceptionOfType(NotCsvException.class)
            .isThrownBy(() -> CsvSniffer.sniff(file(new byte[] { 'P', 'K', 3, 4, 20, 0, 6, 0 })))
            .withMessageContaining("Excel workbook");
        assertThatExceptionOfType(NotCsvException.class).isThrownBy(() -> CsvSniffer.sniff(file("%PDF-1.7\n...")))
            .withMessageContaining("PDF");
        assertThatExceptionOfType(NotCsvException.class)
            .isThrownBy(() -> CsvSniffer.sniff(file(new byte[] { (byte) 0x89, 'P', 'N', 'G', 13, 10 })))
            .withMessageContaining("image");
        assertThatExceptionOfType(NotCsvException.class)
            .isThrownBy(() -> CsvSniffer.sniff(file(new byte[] { 1, 2, 0, 4, 5 })))
            .withMessageContaining("binary");
        assertThatExceptionOfType(NotCsvException.class).isThrownBy(() -> CsvSniffer.sniff(file("{\"contacts\": []}")))
            .withMessageContaining("JSON");
        assertThatExceptionOfType(NotCsvException.class).isThrownBy(() -> CsvSniffer.sniff(file("")))
            .withMessageContaining("empty");
    }

}
