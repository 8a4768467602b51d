package org.partnernetz.seed;

import java.util.List;

/**
 * The entries of the {@code graph-seed/} files, one record per file, field for field as
 * documented in {@code graph-seed/README.md}.
 */
final class SeedEntries {

    private SeedEntries() {
    }

    /** Something with a seed id and the documents that mention it. */
    sealed interface Entry permits Source, Region, Organisation, Person, Project, Event, Figure {
        String id();

        List<String> sources();
    }

    record Source(String id, String slug, String title, String publisher, String published, String url,
            String file, String language) implements Entry {
        @Override
        public List<String> sources() {
            return List.of();
        }
    }

    record Region(String id, String slug, String name, String nameEn, String type, String ags,
            List<String> parents, List<String> partial, String note, List<String> sources) implements Entry {
    }

    record Organisation(String id, String slug, String name, String shortName, List<String> aliases, String kind,
            String description, String descriptionEn, String website, List<String> sources) implements Entry {
    }

    record Person(String id, String slug, String name, String description, String descriptionEn,
            List<String> sources) implements Entry {
    }

    record Project(String id, String slug, String name, List<String> aliases, String kind, String since,
            String until, String description, String descriptionEn, String website, List<String> sources)
            implements Entry {
    }

    record Event(String id, String slug, String name, String kind, String date, String endDate,
            String description, String descriptionEn, List<String> sources) implements Entry {
    }

    record Figure(String id, String about, String metric, String label, Double value, String unit,
            String qualifier, String date, String period, String note, List<String> sources) implements Entry {
    }

    record Relationship(String type, String from, String to, String role, String since, String until,
            String asOf, Double amount, String currency, String period, String basis, List<String> sources,
            String note) {
    }
}
