package ai.digitaltwin.reliability.http;

/**
 * One hostile request. {@code mustRefuse}: only a 4xx is right (malformed, oversized, mistyped, not
 * found); otherwise the input is data a handler may accept (free text), and anything but a 5xx is right.
 */
record HttpCase(String category, String route, String description, byte[] request, boolean mustRefuse) {}
