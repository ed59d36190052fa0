package net.presence.sessions.control;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import net.presence.values.InvalidValueException;
import net.presence.values.MacAddress;

/**
 * A change as one server tells the others through PostgreSQL's {@code NOTIFY}: small, since a
 * payload holds at most 8000 bytes and the rows are in the database anyway. Each server reads the
 * sessions again by their ids. One line is {@code <server> s <id>,<id>,...}, {@code <server> d <MAC>
 * <sessions>} or {@code <server> r <changes>}; a server ignores its own.
 */
public record LiveNotice(String server, LiveChange.Kind kind, List<Long> sessionIds, MacAddress mac, long count) {

    /** This server's name in its notices: random per start, so a restart is a new name. */
    public static final String SERVER = HexFormat.of().formatHex(new SecureRandom().generateSeed(6));

    /** Well below PostgreSQL's 8000-byte limit. */
    static final int MAX_PAYLOAD = 7000;

    /** The notices for one transaction's changes, session ids packed as many to a notice as fit. */
    public static List<String> encode(List<LiveChange> changes) {
        return encode(SERVER, changes);
    }

    static List<String> encode(String server, List<LiveChange> changes) {
        List<String> payloads = new ArrayList<>();
        StringBuilder ids = new StringBuilder();
        for (LiveChange change : changes) {
            switch (change.kind()) {
                case SESSION -> {
                    String id = String.valueOf(change.session().id());
                    if (ids.length() > 0 && server.length() + 3 + ids.length() + 1 + id.length() > MAX_PAYLOAD) {
                        payloads.add(server + " s " + ids);
                        ids.setLength(0);
                    }
                    ids.append(ids.length() == 0 ? "" : ",").append(id);
                }
                case DELETED -> payloads.add(server + " d " + change.mac() + " " + change.count());
                case RELOAD -> payloads.add(server + " r " + change.count());
            }
        }
        if (ids.length() > 0) {
            payloads.add(server + " s " + ids);
        }
        return payloads;
    }

    /** The notice, or nothing for a payload no server of this version writes. */
    public static Optional<LiveNotice> decode(String payload) {
        String[] parts = payload == null ? new String[0] : payload.split(" ");
        try {
            if (parts.length == 3 && parts[1].equals("s")) {
                List<Long> ids = new ArrayList<>();
                for (String id : parts[2].split(",")) {
                    ids.add(Long.parseLong(id));
                }
                return Optional.of(new LiveNotice(parts[0], LiveChange.Kind.SESSION, List.copyOf(ids), null, ids.size()));
            }
            if (parts.length == 4 && parts[1].equals("d")) {
                return Optional.of(new LiveNotice(parts[0], LiveChange.Kind.DELETED, List.of(),
                        MacAddress.parse(parts[2]), Long.parseLong(parts[3])));
            }
            if (parts.length == 3 && parts[1].equals("r")) {
                return Optional.of(new LiveNotice(parts[0], LiveChange.Kind.RELOAD, List.of(), null, Long.parseLong(parts[2])));
            }
        } catch (NumberFormatException | InvalidValueException e) {
            // not one of ours
        }
        return Optional.empty();
    }

    public boolean fromThisServer() {
        return SERVER.equals(server);
    }
}
