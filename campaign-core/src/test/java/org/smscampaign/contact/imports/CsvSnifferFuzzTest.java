package org.smscampaign.contact.imports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The importer's first look at a file, under arbitrary bytes and CSV-like text: it names
 * a charset, separator and headers, or refuses the file as not CSV with a reason; nothing
 * else escapes it.
 */
class CsvSnifferFuzzTest {

    @Provide
    Arbitrary<byte[]> bytes() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(4000);
    }

    @Provide
    Arbitrary<String> csvLike() {
        Arbitrary<String> cells = Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(12), Arbitraries.of("\"", "\"\"",
                "phone", "+491711234567", "Müller", ";", ",", "\t", "|", "\r\n", "\n", "\uFEFF", "=cmd|' /C calc'!A0"));
        return cells.list().ofMaxSize(200).map((parts) -> String.join("", parts));
    }

    @Property(tries = 500)
    void anyBytesAreSniffedOrRefusedWithAReason(@ForAll("bytes") byte[] content) throws IOException {
        sniffed(content);
    }

    @Property(tries = 500)
    void anyCsvLikeTextIsSniffedOrRefusedWithAReason(@ForAll("csvLike") String text) throws IOException {
        sniffed(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static void sniffed(byte[] content) throws IOException {
        Path file = Files.createTempFile("fuzz", ".csv");
        try {
            Files.write(file, content);
            CsvSniffer.Sniffed sniffed = CsvSniffer.sniff(file);
            assertThat(sniffed.charset()).isNotNull();
            assertThat(sniffed.headers()).isNotNull();
        }
        catch (NotCsvException refused) {
            assertThat(refused.getMessage()).isNotBlank();
        }
        finally {
            Files.deleteIfExists(file);
        }
    }

}
