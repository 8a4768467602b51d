package org.partnernetz.seed;

import java.util.List;

/**
 * The entries of the {@code graph-seed/} files, one record per file, field for field as
 * documented in {@code graph-seed/README.md}.
 */
final class SeedEntries {

    private SeedEntries() {
    }

    /** Something with a seed key and the documents that mention it. */
    sealed interface Entry permits Source, Region, Organisation, Person, Project, Event, Figure, TargetGroup, Topic,
            Milestone {
        String key();

        List<String> sources();
    }

    /**
     * Something a document names ({@code basis: stated}, the default) or only implies
     * ({@code basis: inferred}, and {@code note} says how).
     */
    interface Asserted {
        String basis();

        String note();
    }

    /**
     * Something dated as precisely as its sources allow: a date (perhaps partial), or only bounds it
     * lies between, and whether the date is stated or inferred.
     */
    interface Dated {
        String date();

        String notBefore();

        String notAfter();

        String dateBasis();

        String dateNote();
    }

    record Source(String key, String slug, String title, String documentType, String publisher, String date,
            String dateKind, String dateBasis, String dateNote, String notBefore, String notAfter, String url,
            String file, String language) implements Entry, Dated {
        @Override
        public List<String> sources() {
            return List.of();
        }
    }

    record Region(String key, String slug, String name, String nameEn, List<String> aliases, String type, String ags,
            Double latitude, Double longitude, Double areaKm2, List<String> pointSources,
            List<String> parents, List<String> partial, List<String> parentSources, String parentBasis,
            String parentNote, String note, List<String> sources) implements Entry {
    }

    /** Two bodies recorded as one entry because they are probably the same, and why. */
    record Identity(String basis, List<String> names, String note, List<String> sources) {
    }

    record Organisation(String key, String slug, String name, String shortName, List<String> aliases, String kind,
            String description, String descriptionEn, String website, Identity identity, String basis, String note,
            List<String> sources) implements Entry, Asserted {
    }

    record Person(String key, String slug, String name, String description, String descriptionEn, String basis, String note,
            List<String> sources) implements Entry, Asserted {
    }

    record Project(String key, String slug, String name, List<String> aliases, String kind, String since,
            String until, String description, String descriptionEn, String website, String basis, String note,
            List<String> sources) implements Entry, Asserted {
    }

    record Event(String key, String slug, String name, String kind, String date, String endDate, String notBefore,
            String notAfter, String dateBasis, String dateNote, String description, String descriptionEn,
            String basis, String note, List<String> sources) implements Entry, Asserted, Dated {
    }

    record Figure(String key, String about, String region, String metric, String label, Double value, String unit,
            String qualifier, String qualifierText, String date, String notBefore, String notAfter,
            String dateBasis, String dateNote, String period, String basis, String note, List<String> sources)
            implements Entry, Asserted, Dated {
    }

    record TargetGroup(String key, String slug, String name, String nameEn, String description, String descriptionEn,
            String basis, String note, List<String> sources) implements Entry, Asserted {
    }

    record Topic(String key, String slug, String name, String nameEn, String kind, String description,
            String descriptionEn, String basis, String note, List<String> sources) implements Entry, Asserted {
    }

    record Milestone(String key, String slug, String project, String name, String nameEn, String date,
            String notBefore, String notAfter, String dateBasis, String dateNote, String description,
            String descriptionEn, String basis, String note, List<String> sources) implements Entry, Asserted, Dated {
    }

    record Relationship(String type, String from, String to, String role, String since, String until,
            String asOf, Double amount, String currency, String period, String basis, List<String> sources,
            String note) {
    }
}
