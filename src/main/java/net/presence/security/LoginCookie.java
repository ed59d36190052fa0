package net.presence.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A page login that any server can check by itself: who logged in, with which roles, until when,
 * under a random id, signed with HMAC-SHA256 by a key every server derives from the same secret.
 * Nothing is kept in a server's memory, so a login made on one server is honoured by the others;
 * a logout is recorded by the id in the shared database ({@link Logouts}).
 * <p>
 * Value: {@code base64url(id|caller|group,group|expiresAtSeconds) "." base64url(hmac)}. The token
 * itself is never in it.
 */
public record LoginCookie(String id, String caller, Set<String> groups, long expiresAt) {

    private static final Base64.Encoder ENCODE = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODE = Base64.getUrlDecoder();
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Longer values are no cookie of ours; they are not even decoded. */
    private static final int MOST_CHARS = 1024;

    public LoginCookie {
        groups = Set.copyOf(groups);
    }

    /** A new login: a fresh random id (a new id at every login: no fixation of an old one). */
    public static LoginCookie fresh(String caller, Set<String> groups, long expiresAt) {
        byte[] id = new byte[32];
        RANDOM.nextBytes(id);
        return new LoginCookie(ENCODE.encodeToString(id), caller, groups, expiresAt);
    }

    /** The same login, valid until a later time. */
    public LoginCookie until(long later) {
        return new LoginCookie(id, caller, groups, later);
    }

    /** Whether a login of this lifetime (seconds) is past its half at {@code now}: then it is renewed. */
    public boolean dueForRenewal(long now, long lifetime) {
        return expiresAt - now < lifetime / 2;
    }

    /** The cookie's value, signed with the key. */
    public String sign(byte[] key) {
        String payload = ENCODE.encodeToString((id + "|" + caller + "|" + String.join(",", new TreeSet<>(groups)) + "|"
                + expiresAt).getBytes(StandardCharsets.UTF_8));
        return payload + "." + ENCODE.encodeToString(hmac(key, payload));
    }

    /** The login a cookie value carries, when its signature is the key's and it has not expired at {@code now} (seconds). */
    public static Optional<LoginCookie> verify(String value, byte[] key, long now) {
        if (value == null || value.length() > MOST_CHARS) {
            return Optional.empty();
        }
        int dot = value.indexOf('.');
        if (dot < 1) {
            return Optional.empty();
        }
        String payload = value.substring(0, dot);
        try {
            byte[] signature = DECODE.decode(value.substring(dot + 1));
            if (!MessageDigest.isEqual(signature, hmac(key, payload))) {
                return Optional.empty();
            }
            String[] parts = new String(DECODE.decode(payload), StandardCharsets.UTF_8).split("\\|", -1);
            if (parts.length != 4) {
                return Optional.empty();
            }
            long expires = Long.parseLong(parts[3]);
            if (expires <= now) {
                return Optional.empty();
            }
            Set<String> groups = parts[2].isEmpty() ? Set.of() : Set.of(parts[2].split(","));
            return Optional.of(new LoginCookie(parts[0], parts[1], groups, expires));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    /**
     * The signing key from a secret every server is given: SESSIONS_COOKIE_SECRET, else the admin
     * token (then a new admin token also ends every login, which is what a token change means).
     */
    public static byte[] key(String secret) {
        return hmac(secret.getBytes(StandardCharsets.UTF_8), "net.presence page login cookie");
    }

    private static byte[] hmac(byte[] key, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java has HmacSHA256", e);
        }
    }

    /** Without the id: a log line is no place for anything of a login. */
    @Override
    public String toString() {
        return "LoginCookie[" + caller + " " + groups + " until " + expiresAt + "]";
    }
}
