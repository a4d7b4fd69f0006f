package org.atalaya.recording.internal;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.atalaya.access.Permission;
import org.atalaya.access.RequiresPermission;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Legal holds over the API: set on a camera's time range, list a camera's holds, release one with a reason. */
@RestController
@RequiresPermission(Permission.LEGAL_HOLD_MANAGE)
class LegalHoldApiController {

    /** @param caseNumber the case the hold belongs to, optional */
    record HoldRequest(Instant from, Instant to, String reason, @JsonProperty("case") String caseNumber) {
    }

    record ReleaseRequest(String reason) {
    }

    private final LegalHolds holds;

    LegalHoldApiController(LegalHolds holds) {
        this.holds = holds;
    }

    @PostMapping("/api/v1/cameras/{cameraId}/legal-holds")
    ResponseEntity<LegalHoldView> set(@PathVariable long cameraId, @RequestBody HoldRequest request) {
        LegalHold hold = holds.set(cameraId, request.from(), request.to(), request.reason(), request.caseNumber());
        return ResponseEntity.created(URI.create("/api/v1/cameras/" + cameraId + "/legal-holds"))
                .body(LegalHoldView.of(hold));
    }

    @GetMapping("/api/v1/cameras/{cameraId}/legal-holds")
    List<LegalHoldView> ofCamera(@PathVariable long cameraId) {
        return holds.ofCamera(cameraId).stream().map(LegalHoldView::of).toList();
    }

    @PostMapping("/api/v1/legal-holds/{holdId}/release")
    LegalHoldView release(@PathVariable long holdId, @RequestBody ReleaseRequest request) {
        return LegalHoldView.of(holds.release(holdId, request.reason()));
    }
}
