package org.partnernetz.network;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.partnernetz.graphql.BadRequestException;
import org.partnernetz.graphql.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Network exports over HTTP: {@code GET /exports/network.<format>} with the selection of
 * {@code network(...)} as query parameters ({@code region}, {@code project}, {@code event},
 * {@code organisation}, {@code depth}, {@code kinds}, {@code relationshipTypes}, {@code from},
 * {@code to}, {@code asOf}; lists comma-separated or repeated); none of the first four exports the
 * whole network. Public, like the network's reads.
 *
 * <p>The selection is checked before the answer begins, so a bad one gets a status and a classified
 * error; the file is then streamed as it is read (a failure after that can only cut the download
 * short, and is logged with a correlation id).
 */
@RestController
class NetworkExportController {

    private static final Logger log = LoggerFactory.getLogger(NetworkExportController.class);

    private final NetworkExports exports;

    NetworkExportController(NetworkExports exports) {
        this.exports = exports;
    }

    @GetMapping("/exports/{file}")
    void export(@PathVariable String file, @RequestParam(required = false) String region,
            @RequestParam(required = false) String project, @RequestParam(required = false) String event,
            @RequestParam(required = false) String organisation, @RequestParam(required = false) Integer depth,
            @RequestParam(required = false) List<String> kinds,
            @RequestParam(required = false) List<String> relationshipTypes,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String asOf, HttpServletResponse response) throws IOException {
        var format = file.startsWith("network.") ? ExportFormat.bySuffix(file.substring("network.".length()))
                : java.util.Optional.<ExportFormat>empty();
        if (format.isEmpty()) {
            throw new NotFoundException("no export " + file + "; there are " + ExportFormat.suffixes());
        }
        var plan = exports.plan(new NetworkViews.Selection(region, project, event, organisation, depth, kinds,
                relationshipTypes, from, to, asOf, null));
        response.setContentType(format.get().mediaType + ";charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename(fileName(plan, format.get())).build().toString());
        try {
            exports.write(plan, format.get(), response.getOutputStream());
        } catch (UncheckedIOException | org.springframework.dao.DataAccessException e) {
            // The answer has begun: its status cannot change any more. The client sees a cut download.
            log.warn("Export {} of {} broke off [{}]: {}", file, plan.title(), UUID.randomUUID(), e.getMessage());
            throw e;
        }
    }

    /** {@code network-region-dortmund.gexf}, {@code network.graphml} for the whole network. */
    private static String fileName(NetworkViews.Plan plan, ExportFormat format) {
        var scope = plan.scope() == null ? "" : "-" + plan.scope().name().toLowerCase() + "-" + plan.key();
        return "network" + scope + "." + format.suffix;
    }

    @ExceptionHandler(BadRequestException.class)
    ResponseEntity<Map<String, Object>> badRequest(BadRequestException e) {
        return error(HttpStatus.BAD_REQUEST, "BAD_REQUEST", e.getMessage());
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<Map<String, Object>> notFound(NotFoundException e) {
        return error(HttpStatus.NOT_FOUND, "NOT_FOUND", e.getMessage());
    }

    /** The error in GraphQL's shape, so a client reads it as it reads the API's. */
    private static ResponseEntity<Map<String, Object>> error(HttpStatus status, String classification, String message) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(Map.of("errors",
                List.of(Map.of("message", message, "extensions", Map.of("classification", classification)))));
    }
}
