package net.presence.security;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import java.util.logging.Logger;
import net.presence.platform.Settings;

/**
 * Knows the configured tokens and the role of each. Tokens are compared as SHA-256 digests with
 * {@link MessageDigest#isEqual}, which takes the same time wherever the first difference lies, and
 * every configured token is compared on every call. Without a configured admin token one is
 * generated once and kept in the data directory: the server never runs open.
 */
@ApplicationScoped
public class TokenIdentityStore implements IdentityStore {

    static final String TOKEN_FILE = "admin-token";
    /** The secret page logins are signed with, when it should not be the admin token. */
    public static final String COOKIE_SECRET = "sessions.cookie.secret";
    private static final Logger LOG = Logger.getLogger(TokenIdentityStore.class.getName());

    @Inject
    Settings settings;

    private byte[] adminDigest;
    private byte[] readDigest;
    private byte[] cookieKey;

    @PostConstruct
    void load() {
        String admin = settings.adminToken().orElseGet(this::generatedAdminToken);
        adminDigest = digest(admin);
        readDigest = settings.readToken().map(TokenIdentityStore::digest).orElse(null);
        cookieKey = LoginCookie.key(Settings.read(COOKIE_SECRET).orElse(admin));
    }

    /** The key that signs page logins: the same on every server given the same secret (see LoginCookie.key). */
    byte[] cookieKey() {
        return cookieKey.clone();
    }

    /** Loads the tokens at deployment, so a generated token and its log line appear at start-up. */
    void atStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // observing the event is enough: the container creates the bean and runs load()
    }

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof TokenCredential token) || token.token() == null) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        byte[] presented = digest(token.token());
        boolean admin = MessageDigest.isEqual(presented, adminDigest);
        boolean read = readDigest != null && MessageDigest.isEqual(presented, readDigest);
        if (admin) {
            return new CredentialValidationResult("admin", Set.of(Roles.ADMIN, Roles.READ));
        }
        if (read) {
            return new CredentialValidationResult("reader", Set.of(Roles.READ));
        }
        return CredentialValidationResult.INVALID_RESULT;
    }

    private String generatedAdminToken() {
        Path file = settings.dataDir().resolve(TOKEN_FILE);
        try {
            if (Files.exists(file)) {
                LOG.info("SESSIONS_ADMIN_TOKEN is not set; using the admin token kept in " + file);
                return Files.readString(file, StandardCharsets.US_ASCII).strip();
            }
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            Files.createDirectories(file.getParent());
            Files.writeString(file, token + "\n", StandardCharsets.US_ASCII);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // the file system's own permissions apply
            }
            LOG.warning("SESSIONS_ADMIN_TOKEN is not set; generated an admin token and stored it in " + file);
            return token;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the generated admin token in " + file, e);
        }
    }

    private static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
