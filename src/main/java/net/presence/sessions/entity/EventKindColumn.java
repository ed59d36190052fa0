package net.presence.sessions.entity;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Event kinds in the database: their stable codes, never their Java names or ordinals. */
@Converter
public class EventKindColumn implements AttributeConverter<EventKind, String> {

    @Override
    public String convertToDatabaseColumn(EventKind kind) {
        return kind == null ? null : kind.code();
    }

    @Override
    public EventKind convertToEntityAttribute(String code) {
        return code == null ? null : EventKind.ofCode(code);
    }
}
