package org.partnernetz.submission;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code partnernetz.submissions.*}: how many projects one client may submit in a period, and how
 * many links, photos and videos one submission may hold. The lengths of its texts are fixed in
 * {@link SubmissionInput}, as the schema documents them.
 *
 * @param rate submissions one client (remote address) may make per {@code period}
 * @param period the window of the rate; a refused client may try again when its window renews
 * @param maxLinks links one submission may hold
 * @param maxPhotos photo URLs one submission may hold
 * @param maxVideos video links one submission may hold
 */
@Validated
@ConfigurationProperties("partnernetz.submissions")
record SubmissionProperties(@DefaultValue("5") @Min(1) int rate, @DefaultValue("10m") @NotNull Duration period,
        @DefaultValue("10") @Min(0) @Max(50) int maxLinks, @DefaultValue("10") @Min(0) @Max(50) int maxPhotos,
        @DefaultValue("5") @Min(0) @Max(50) int maxVideos) {
}
