package org.partnernetz.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.junit.jupiter.api.Test;

/**
 * The points and areas in {@code graph-seed/regions.yaml} are those of the reference table they cite
 * ({@code graph-seed/reference/region-points.csv}): every row of the table is in the seed with the
 * same values, and no region has a point the table lacks.
 */
class RegionPointsTests {

    @Test
    void theSeedsPointsAreTheReferenceTables() throws Exception {
        var seed = new SeedReader(new org.springframework.core.io.DefaultResourceLoader()).read("file:graph-seed/");
        var table = new HashMap<String, Map<String, String>>();
        try (var in = new FileReader("graph-seed/reference/region-points.csv", StandardCharsets.UTF_8)) {
            for (var row : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                table.put(row.get("key"), row.toMap());
            }
        }
        assertThat(table).hasSizeGreaterThan(50);
        var placed = seed.regions().stream().filter(region -> region.latitude() != null).toList();
        assertThat(placed).extracting(SeedEntries.Region::key).containsExactlyInAnyOrderElementsOf(table.keySet());
        for (var region : placed) {
            var row = table.get(region.key());
            assertThat(region.latitude()).as(region.key()).isEqualTo(Double.parseDouble(row.get("latitude")));
            assertThat(region.longitude()).as(region.key()).isEqualTo(Double.parseDouble(row.get("longitude")));
            assertThat(region.areaKm2()).as(region.key())
                    .isEqualTo(row.get("areaKm2").isEmpty() ? null : Double.parseDouble(row.get("areaKm2")));
            assertThat(region.name()).isEqualTo(row.get("name"));
            assertThat(region.pointSources()).containsExactly("src-nrw-points-reference");
        }
    }
}
