package org.partnernetz.provenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No tracked file of the repository copies a sentence from the source documents: the seed, the
 * notes, the docs and the code say things in their own words. The documents are read from
 * {@code ../shared/seeds} (or {@code -Dpartnernetz.seeds=...}), together with the region reference
 * table beside them ({@code ../shared/reference}) where it exists; where the documents are absent
 * the test is skipped and says so.
 */
class CopiedTextTests {

    private static final Path REPOSITORY = Path.of("").toAbsolutePath();
    private static Path documents;
    private static CopiedText copied;

    @BeforeAll
    static void readDocuments() {
        documents = Path.of(System.getProperty("partnernetz.seeds", "../shared/seeds")).toAbsolutePath().normalize();
        if (!Files.isDirectory(documents)) {
            return;
        }
        var reference = documents.resolveSibling("reference");
        copied = CopiedText.of(Files.isDirectory(reference) ? List.of(documents, reference) : List.of(documents));
    }

    @BeforeEach
    void needsTheDocuments() {
        assumeTrue(copied != null,
                "Skipped: the source documents are not at " + documents + " (set -Dpartnernetz.seeds=...)");
    }

    @Test
    void noFileOfTheRepositoryHasARunOfTwelveWordsFromADocument() throws IOException {
        var found = new ArrayList<String>();
        for (var file : trackedFiles()) {
            copied.passagesIn(REPOSITORY.resolve(file)).forEach(passage -> found.add(file + ": " + passage));
        }
        assertThat(found).as("passages copied from " + documents).isEmpty();
    }

    @Test
    void aSeedFileWithACopiedSentenceIsCaughtAndAParaphraseIsNot(@TempDir Path scratch) throws IOException {
        var document = firstDocument();
        var words = CopiedText.words(Files.readString(document, StandardCharsets.UTF_8));
        assertThat(words).hasSizeGreaterThan(40);
        var sentence = String.join(" ", words.subList(20, 20 + CopiedText.RUN));
        var original = REPOSITORY.resolve("graph-seed/organisations.yaml");
        var seedFile = scratch.resolve("organisations.yaml");
        Files.writeString(seedFile, Files.readString(original)
                + "\n- id: copied\n  note: \"" + sentence.toUpperCase() + ".\"\n");
        var before = copied.passagesIn(original);
        assertThat(copied.passagesIn(seedFile)).contains(sentence).hasSize(before.size() + 1);

        var shorter = String.join(" ", words.subList(20, 20 + CopiedText.RUN - 1));
        Files.writeString(seedFile, "- id: paraphrase\n  note: \"" + shorter + " (paraphrasiert)\"\n");
        assertThat(copied.passagesIn(seedFile)).isEmpty();
    }

    private static Path firstDocument() throws IOException {
        try (Stream<Path> files = Files.list(documents)) {
            return files.filter(Files::isRegularFile).sorted().findFirst().orElseThrow();
        }
    }

    /**
     * The files git tracks or would track (new files not yet added count too); without git, every
     * file outside build output and data directories.
     */
    private static List<String> trackedFiles() throws IOException {
        try {
            var git = new ProcessBuilder("git", "ls-files", "-z", "--cached", "--others", "--exclude-standard")
                    .directory(REPOSITORY.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            var out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (git.waitFor() == 0 && !out.isEmpty()) {
                return java.util.Arrays.stream(out.split("\0"))
                        .filter(file -> Files.isRegularFile(REPOSITORY.resolve(file))).toList();
            }
        } catch (IOException e) {
            // no git on this machine: walk the tree instead
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> files = Files.walk(REPOSITORY)) {
            return files.filter(Files::isRegularFile)
                    .map(path -> REPOSITORY.relativize(path).toString())
                    .filter(path -> !path.startsWith("target") && !path.startsWith(".git") && !path.startsWith("data"))
                    .toList();
        }
    }
}
