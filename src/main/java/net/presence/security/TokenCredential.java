package net.presence.security;

import jakarta.security.enterprise.credential.Credential;

/** A bearer token, from an Authorization header or the page's login form. */
public record TokenCredential(String token) implements Credential {

    @Override
    public String toString() {
        return "TokenCredential[***]";
    }
}
