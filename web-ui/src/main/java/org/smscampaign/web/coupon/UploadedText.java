package org.smscampaign.web.coupon;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.smscampaign.campaign.CampaignProblem;

import org.springframework.web.multipart.MultipartFile;

/** An uploaded file's text (UTF-8), refused past a size fit for code and result lists. */
final class UploadedText {

    /** 20 MB: half a million codes or rows. */
    static final int MAX_BYTES = 20 * 1024 * 1024;

    private UploadedText() {
    }

    static String of(MultipartFile file) throws IOException {
        if (file == null || file.isEmpty()) {
            throw CampaignProblem.invalidUpload("Choose a file to upload (CSV, or one code per line).");
        }
        if (file.getSize() > MAX_BYTES) {
            throw CampaignProblem.invalidUpload("The file is larger than 20 MB: split it.");
        }
        try (InputStream content = file.getInputStream()) {
            return new String(content.readNBytes(MAX_BYTES), StandardCharsets.UTF_8);
        }
    }

}
