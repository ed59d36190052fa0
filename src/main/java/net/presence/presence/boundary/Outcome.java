package net.presence.presence.boundary;

import net.presence.presence.control.Effect;
import net.presence.sessions.entity.Session;

/** What one observation did, and the session it concerned (opened, closed, reopened, or the last one). */
public record Outcome(Effect effect, Session session) {
}
