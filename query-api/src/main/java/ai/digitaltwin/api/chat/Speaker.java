package ai.digitaltwin.api.chat;

import ai.digitaltwin.api.chat.voice.TwinPersona;
import java.time.Instant;

/**
 * Who the twin is when a message arrives, and the instant its "now" is at: the later of the wall clock
 * and its newest state. They differ only for a simulation running faster than real time, whose data lies
 * ahead of the wall clock; there "right now" means the simulation's now, as on the dashboard.
 */
public record Speaker(TwinPersona persona, Instant now) {}
