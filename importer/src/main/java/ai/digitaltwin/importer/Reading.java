package ai.digitaltwin.importer;

import java.time.Instant;

/**
 * One sample of a source, already in the contract's unit: becomes one HealthEvent with that one field
 * set. {@code origin} names what else tells two samples apart (the device or app that wrote it, the
 * source's own person id), so that the event id derived from it is stable across imports.
 */
public record Reading(Instant ts, Metric metric, double value, String origin) {}
