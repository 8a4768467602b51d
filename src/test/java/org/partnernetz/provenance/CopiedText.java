package org.partnernetz.provenance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds runs of {@link #RUN} or more consecutive words that a text shares with the source
 * documents. Words are letters and digits; case and punctuation are ignored, so a quotation with
 * other quote marks or line breaks is still found.
 */
final class CopiedText {

    static final int RUN = 12;

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    private final Set<String> runs;

    private CopiedText(Set<String> runs) {
        this.runs = runs;
    }

    /** Every {@link #RUN}-word run of every document in the given directories. */
    static CopiedText of(List<Path> directories) {
        var runs = new HashSet<String>();
        for (var directory : directories) {
            try (Stream<Path> files = Files.list(directory)) {
                for (var file : files.filter(Files::isRegularFile).toList()) {
                    var words = words(Files.readString(file, StandardCharsets.UTF_8));
                    for (int i = 0; i + RUN <= words.size(); i++) {
                        runs.add(String.join(" ", words.subList(i, i + RUN)));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new CopiedText(runs);
    }

    /** The copied passages in {@code text}, each as its lower-cased words, overlapping runs joined. */
    List<String> passagesIn(String text) {
        var words = words(text);
        var passages = new ArrayList<String>();
        int end = -1;
        int start = -1;
        for (int i = 0; i + RUN <= words.size(); i++) {
            if (runs.contains(String.join(" ", words.subList(i, i + RUN)))) {
                if (i > end) {
                    if (start >= 0) {
                        passages.add(String.join(" ", words.subList(start, end)));
                    }
                    start = i;
                }
                end = i + RUN;
            }
        }
        if (start >= 0) {
            passages.add(String.join(" ", words.subList(start, end)));
        }
        return passages;
    }

    /** The copied passages in a file; binary files and files that are not UTF-8 have none. */
    List<String> passagesIn(Path file) {
        try {
            var bytes = Files.readAllBytes(file);
            var text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
            return text.indexOf('\0') >= 0 ? List.of() : passagesIn(text);
        } catch (CharacterCodingException e) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> words(String text) {
        var words = new ArrayList<String>();
        var matcher = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (matcher.find()) {
            words.add(matcher.group());
        }
        return words;
    }
}
