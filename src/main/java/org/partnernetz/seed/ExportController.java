package org.partnernetz.seed;

import java.io.IOException;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.ZoneOffset;

import jakarta.servlet.http.HttpServletResponse;
import org.partnernetz.account.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The export as an admin's download: {@code GET /admin/export} answers a zip of the
 * {@code graph-seed/} files ({@link SeedExporter}). Without credentials the request gets 401, with
 * another role 403. The zip is written to a temporary file first, so the read transaction lasts as
 * long as the export and not as long as a slow download, and a failed export is an error status
 * rather than a truncated file.
 */
@RestController
class ExportController {

    private static final Logger log = LoggerFactory.getLogger(ExportController.class);

    private final SeedExporter exporter;

    ExportController(SeedExporter exporter) {
        this.exporter = exporter;
    }

    @GetMapping("/admin/export")
    @PreAuthorize("hasRole('ADMIN')")
    void export(@AuthenticationPrincipal Caller caller, HttpServletResponse response) throws IOException {
        var zip = Files.createTempFile("partnernetz-export-", ".zip");
        try {
            try (var out = Files.newOutputStream(zip)) {
                exporter.writeZip(out);
            }
            var name = "partnernetz-export-" + LocalDate.now(ZoneOffset.UTC) + ".zip";
            response.setContentType("application/zip");
            response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                    ContentDisposition.attachment().filename(name).build().toString());
            response.setContentLengthLong(Files.size(zip));
            Files.copy(zip, response.getOutputStream());
            log.info("Export downloaded by '{}'", caller.name());
        } finally {
            Files.deleteIfExists(zip);
        }
    }
}
