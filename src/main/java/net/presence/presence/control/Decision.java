package net.presence.presence.control;

import net.presence.sessions.entity.EventType;

/**
 * What to do with an observation: the effect and the one event it stores, if any. The event's
 * type is also the type of the session end it makes (the connection of an opened session, the
 * disconnection of a closed or missing-connection one); its IP and time are the observation's. A
 * flap ({@link Effect#VOIDED}) stores its connection as a voided event.
 *
 * @param eventType null when nothing is stored
 * @param eventInfo the stored event's info text
 */
public record Decision(Effect effect, EventType eventType, String eventInfo) {

    public static final Decision REPEATED = new Decision(Effect.REPEATED, null, null);

    public boolean storesEvent() {
        return eventType != null;
    }
}
