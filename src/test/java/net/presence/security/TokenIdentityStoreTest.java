package net.presence.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.CredentialValidationResult.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import net.presence.platform.Settings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenIdentityStoreTest {

    @TempDir
    Path dataDir;

    @AfterEach
    void forgetSettings() {
        System.clearProperty("sessions.admin.token");
        System.clearProperty("sessions.read.token");
        System.clearProperty(Settings.DATA_DIR);
    }

    TokenIdentityStore store() {
        System.setProperty(Settings.DATA_DIR, dataDir.toString());
        TokenIdentityStore store = new TokenIdentityStore();
        store.settings = new Settings();
        store.load();
        return store;
    }

    static CredentialValidationResult check(TokenIdentityStore store, String token) {
        return store.validate(new TokenCredential(token));
    }

    @Test
    void configuredTokensCarryTheirRoles() {
        System.setProperty("sessions.admin.token", "admin-token-0123456789");
        System.setProperty("sessions.read.token", "read-token-0123456789");
        TokenIdentityStore store = store();
        CredentialValidationResult admin = check(store, "admin-token-0123456789");
        assertEquals(Status.VALID, admin.getStatus());
        assertEquals(Set.of(Roles.ADMIN, Roles.READ), admin.getCallerGroups());
        CredentialValidationResult reader = check(store, "read-token-0123456789");
        assertEquals(Status.VALID, reader.getStatus());
        assertEquals(Set.of(Roles.READ), reader.getCallerGroups());
    }

    @Test
    void anyOtherTokenIsInvalid() {
        System.setProperty("sessions.admin.token", "admin-token-0123456789");
        TokenIdentityStore store = store();
        for (String wrong : new String[] {"admin-token-012345678", "admin-token-01234567890", "ADMIN-TOKEN-0123456789", "", " "}) {
            assertEquals(Status.INVALID, check(store, wrong).getStatus(), wrong);
        }
        assertEquals(Status.INVALID, check(store, "read-token-0123456789").getStatus(), "no read token is configured");
    }

    @Test
    void otherCredentialsAreNotItsBusiness() {
        System.setProperty("sessions.admin.token", "admin-token-0123456789");
        assertEquals(Status.NOT_VALIDATED, store().validate(new UsernamePasswordCredential("admin", "admin-token-0123456789"))
                .getStatus());
    }

    @Test
    void withoutAConfiguredTokenOneIsGeneratedKeptPrivateAndReused() throws Exception {
        TokenIdentityStore first = store();
        Path file = dataDir.resolve(TokenIdentityStore.TOKEN_FILE);
        String token = Files.readString(file).strip();
        assertTrue(token.length() >= 40, "256 random bits, base64: " + token.length() + " characters");
        assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(file));
        assertEquals(Status.VALID, check(first, token).getStatus());
        TokenIdentityStore restarted = store();
        assertEquals(Status.VALID, check(restarted, token).getStatus(), "a restart keeps the generated token");
        assertEquals(token, Files.readString(file).strip());
    }

    @Test
    void theCredentialNeverPrintsItsToken() {
        assertEquals("TokenCredential[***]", new TokenCredential("secret-token").toString());
    }
}
