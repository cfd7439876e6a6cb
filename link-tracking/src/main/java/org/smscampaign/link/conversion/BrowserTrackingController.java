package org.smscampaign.link.conversion;

import java.math.BigDecimal;
import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import jakarta.servlet.http.HttpServletRequest;
import org.smscampaign.link.ConversionRequest;
import org.smscampaign.link.Conversions;
import org.smscampaign.link.LinkProperties;
import org.smscampaign.link.LinkProblem;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Conversion tracking from the landing page: a small script ({@code /t/sms.js}) keeps the
 * click id from the landing URL in a first-party cookie and reports conversions to
 * {@code /t/conversions} as a CORS-safe text/plain POST (no preflight, no credentials).
 * Public and rate-limited per address. Anyone can send one, so they are stored as
 * unverified and bounded (see {@link Conversions}). A report for an unknown or forged
 * click id gets the same 204 as an accepted one: the answer is no oracle for click ids.
 */
@RestController
class BrowserTrackingController {

    private final Conversions conversions;

    private final JsonMapper json = JsonMapper.builder().build();

    private final Cache<String, Bucket> limits = Caffeine.newBuilder()
        .maximumSize(100_000)
        .expireAfterAccess(Duration.ofMinutes(10))
        .build();

    private final int perMinute;

    BrowserTrackingController(Conversions conversions, LinkProperties properties) {
        this.conversions = conversions;
        this.perMinute = properties.browserConversions().perMinute();
    }

    @GetMapping(value = "/t/sms.js", produces = "text/javascript")
    ResponseEntity<Resource> script() {
        return ResponseEntity.ok()
            .cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic())
            .header("Access-Control-Allow-Origin", "*")
            .body(new ClassPathResource("link/sms.js"));
    }

    @PostMapping(value = "/t/conversions", consumes = { MediaType.TEXT_PLAIN_VALUE, MediaType.APPLICATION_JSON_VALUE })
    ResponseEntity<Void> report(@RequestBody String body, HttpServletRequest request) {
        Bucket bucket = this.limits.get(request.getRemoteAddr(),
                (address) -> Bucket.builder()
                    .addLimit(Bandwidth.builder()
                        .capacity(this.perMinute)
                        .refillGreedy(this.perMinute, Duration.ofMinutes(1))
                        .build())
                    .build());
        if (!bucket.tryConsume(1)) {
            return cors(HttpStatus.TOO_MANY_REQUESTS);
        }
        if (body.length() > 2000) {
            return cors(HttpStatus.CONTENT_TOO_LARGE);
        }
        try {
            JsonNode node = this.json.readTree(body);
            String clickId = node.path("clickId").asString("");
            BigDecimal value = node.hasNonNull("value") ? new BigDecimal(node.get("value").asString()) : null;
            this.conversions.record(
                    new ConversionRequest(clickId, null, node.path("event").asString("sale"), value,
                            node.path("currency").asString(null), node.path("orderId").asString(null), null),
                    Conversions.Source.BROWSER);
            return cors(HttpStatus.NO_CONTENT);
        }
        catch (JacksonException | NumberFormatException ex) {
            return cors(HttpStatus.BAD_REQUEST);
        }
        catch (LinkProblem ex) {
            // Unknown and forged clicks alike: nothing recorded, nothing told.
            return cors((ex.kind() == LinkProblem.Kind.NOT_FOUND) ? HttpStatus.NO_CONTENT : HttpStatus.BAD_REQUEST);
        }
    }

    private static ResponseEntity<Void> cors(HttpStatus status) {
        return ResponseEntity.status(status).header("Access-Control-Allow-Origin", "*").build();
    }

}
