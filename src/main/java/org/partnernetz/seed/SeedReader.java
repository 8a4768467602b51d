package org.partnernetz.seed;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads the {@code graph-seed/} YAML files of one location (a classpath or file directory) into a
 * {@link SeedSet}. A file that is missing counts as empty; a field that is not documented is an error,
 * so that a misspelt key is not silently dropped.
 */
@Component
class SeedReader {

    private final ResourceLoader resources;
    private final YAMLMapper yaml = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    SeedReader(ResourceLoader resources) {
        this.resources = resources;
    }

    SeedSet read(String location) {
        var base = location.endsWith("/") ? location : location + "/";
        return new SeedSet(
                list(base, SeedSet.SOURCES, SeedEntries.Source.class),
                list(base, SeedSet.REGIONS, SeedEntries.Region.class),
                list(base, SeedSet.ORGANISATIONS, SeedEntries.Organisation.class),
                list(base, SeedSet.PEOPLE, SeedEntries.Person.class),
                list(base, SeedSet.PROJECTS, SeedEntries.Project.class),
                list(base, SeedSet.EVENTS, SeedEntries.Event.class),
                list(base, SeedSet.FIGURES, SeedEntries.Figure.class),
                list(base, SeedSet.TARGET_GROUPS, SeedEntries.TargetGroup.class),
                list(base, SeedSet.TOPICS, SeedEntries.Topic.class),
                list(base, SeedSet.MILESTONES, SeedEntries.Milestone.class),
                list(base, SeedSet.RELATIONSHIPS, SeedEntries.Relationship.class));
    }

    /**
     * A digest of the seed files' contents: the same seed gives the same digest, which the derived
     * collaborations carry as their generation.
     */
    String digest(String location) {
        var base = location.endsWith("/") ? location : location + "/";
        try {
            var sha = java.security.MessageDigest.getInstance("SHA-256");
            for (var file : SeedSet.FILES) {
                Resource resource = resources.getResource(base + file);
                sha.update(file.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                if (resource.exists()) {
                    try (InputStream in = resource.getInputStream()) {
                        sha.update(in.readAllBytes());
                    }
                }
            }
            return java.util.HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        } catch (IOException | java.security.NoSuchAlgorithmException e) {
            throw new SeedException(List.of("the seed at " + location + " cannot be read: " + e.getMessage()));
        }
    }

    private <T> List<T> list(String base, String file, Class<T> type) {
        Resource resource = resources.getResource(base + file);
        if (!resource.exists()) {
            return List.of();
        }
        JavaType listType = yaml.getTypeFactory().constructCollectionType(List.class, type);
        try (InputStream in = resource.getInputStream()) {
            List<T> entries = yaml.readValue(in, listType);
            return entries == null ? List.of() : entries;
        } catch (JacksonException e) {
            throw new SeedException(List.of(file + ": " + e.getOriginalMessage()
                    + (e.getLocation() != null ? " (line " + e.getLocation().getLineNr() + ")" : "")));
        } catch (IOException e) {
            throw new SeedException(List.of(file + ": cannot be read: " + e.getMessage()));
        }
    }
}
