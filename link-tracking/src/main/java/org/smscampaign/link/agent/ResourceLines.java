package org.smscampaign.link.agent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.core.io.ClassPathResource;

/** The lines of a text resource that ships with the module. */
final class ResourceLines {

    private ResourceLines() {
    }

    static List<String> of(String path) {
        try (var in = new ClassPathResource(path).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot read " + path, ex);
        }
    }

}
