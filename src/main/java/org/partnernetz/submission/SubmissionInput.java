package org.partnernetz.submission;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.partnernetz.graphql.BadRequestException;

/**
 * What a member of the public submits as a project, with the checks it must pass before anything
 * is stored: required texts, their lengths, counts of links, photos and videos, absolute http(s)
 * URLs only (no {@code javascript:} or {@code data:}), and an e-mail address of a plain shape.
 * {@code website} is the honeypot: a field a person does not see on a form and leaves empty.
 */
record SubmissionInput(String name, String description, String place, String contactName, String contactEmail,
        List<String> links, List<String> photos, List<String> videos, String website) {

    static final int MAX_NAME = 200;
    static final int MAX_DESCRIPTION = 5000;
    static final int MAX_PLACE = 200;
    static final int MAX_CONTACT = 200;
    static final int MAX_URL = 2000;

    /**
     * One '@' between a local part and a domain with a dot, no spaces: enough to catch typing
     * mistakes; whether the address works only a mail to it can tell, and the hub sends none.
     */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s.]+");

    /** The input with texts stripped and blank ones as null, checked; BAD_REQUEST naming the field otherwise. */
    SubmissionInput checked(SubmissionProperties limits) {
        var checkedName = text("input.name", name, MAX_NAME, true);
        var checkedDescription = text("input.description", description, MAX_DESCRIPTION, true);
        var checkedPlace = text("input.place", place, MAX_PLACE, false);
        var checkedContact = text("input.contactName", contactName, MAX_CONTACT, false);
        var email = text("input.contactEmail", contactEmail, MAX_CONTACT, false);
        if (email != null && !EMAIL.matcher(email).matches()) {
            throw new BadRequestException("input.contactEmail: '" + email + "' is not an e-mail address");
        }
        return new SubmissionInput(checkedName, checkedDescription, checkedPlace, checkedContact, email,
                urls("input.links", links, limits.maxLinks()), urls("input.photos", photos, limits.maxPhotos()),
                urls("input.videos", videos, limits.maxVideos()), website == null || website.isBlank() ? null : website);
    }

    /** Whether the honeypot was filled in: a robot, not a person. */
    boolean spam() {
        return website != null && !website.isBlank();
    }

    private static String text(String field, String value, int max, boolean required) {
        var stripped = value == null ? null : value.strip();
        if (stripped == null || stripped.isEmpty()) {
            if (required) {
                throw new BadRequestException(field + " is required");
            }
            return null;
        }
        if (stripped.length() > max) {
            throw new BadRequestException(field + ": at most " + max + " characters, was " + stripped.length());
        }
        return stripped;
    }

    private static List<String> urls(String field, List<String> values, int max) {
        if (values == null) {
            return List.of();
        }
        if (values.size() > max) {
            throw new BadRequestException(field + ": at most " + max + ", were " + values.size());
        }
        var checked = new ArrayList<String>();
        for (var value : values) {
            var url = value == null ? "" : value.strip();
            if (url.length() > MAX_URL) {
                throw new BadRequestException(field + ": a URL of at most " + MAX_URL + " characters");
            }
            try {
                var uri = new URI(url);
                var scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
                if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                    throw new BadRequestException(field + ": '" + url + "' is not an absolute http(s) URL");
                }
            } catch (URISyntaxException e) {
                throw new BadRequestException(field + ": '" + url + "' is not an absolute http(s) URL");
            }
            checked.add(url);
        }
        return List.copyOf(checked);
    }
}
