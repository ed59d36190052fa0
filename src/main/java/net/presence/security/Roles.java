package net.presence.security;

/** The two roles a token can carry; an admin token carries both. */
public final class Roles {

    public static final String ADMIN = "admin";
    public static final String READ = "read";

    private Roles() {
    }
}
