package dev.serialtrace.db.capture;

import java.time.OffsetDateTime;

/** One capture exception as the queue shows it. */
public record CaptureExceptionRow(long id, String kind, String status, String rawInput, Long productId, String productName,
                                  Long unitId, String unitSerial, String siteCode, Long locationId, String locationPath,
                                  OffsetDateTime occurredAt, String capturedBy, String detail, String resolutionReason,
                                  String resolvedBy, OffsetDateTime resolvedAt, Long resolutionEventId) {
}
