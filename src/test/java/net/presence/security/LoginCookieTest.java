package net.presence.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LoginCookieTest {

    static final byte[] KEY = LoginCookie.key("the admin token");
    static final long NOW = 1_800_000_000L;

    @Test
    void aSignedLoginIsReadBackByAnyServerWithTheSameSecret() {
        LoginCookie login = LoginCookie.fresh("admin", Set.of("admin", "read"), NOW + 3600);
        Optional<LoginCookie> read = LoginCookie.verify(login.sign(LoginCookie.key("the admin token")), KEY, NOW);
        assertEquals(Optional.of(login), read);
        assertEquals(Set.of("admin", "read"), read.get().groups());
    }

    @Test
    void everyLoginHasItsOwnId() {
        LoginCookie one = LoginCookie.fresh("reader", Set.of("read"), NOW + 10);
        LoginCookie two = LoginCookie.fresh("reader", Set.of("read"), NOW + 10);
        assertNotEquals(one.id(), two.id());
        assertEquals(43, one.id().length());
    }

    @Test
    void anotherSecretsCookieIsNoLogin() {
        String value = LoginCookie.fresh("admin", Set.of("admin", "read"), NOW + 3600).sign(LoginCookie.key("another token"));
        assertEquals(Optional.empty(), LoginCookie.verify(value, KEY, NOW));
    }

    @Test
    void anExpiredCookieIsNoLogin() {
        String value = LoginCookie.fresh("admin", Set.of("admin"), NOW).sign(KEY);
        assertEquals(Optional.empty(), LoginCookie.verify(value, KEY, NOW));
        assertTrue(LoginCookie.verify(value, KEY, NOW - 1).isPresent());
    }

    @Test
    void aChangedRoleOrExpiryBreaksTheSignature() {
        LoginCookie reader = LoginCookie.fresh("reader", Set.of("read"), NOW + 60);
        String signature = reader.sign(KEY).split("\\.")[1];
        String promoted = new LoginCookie(reader.id(), "reader", Set.of("read", "admin"), NOW + 60).sign(KEY).split("\\.")[0];
        String longer = reader.until(NOW + 999_999).sign(KEY).split("\\.")[0];
        assertEquals(Optional.empty(), LoginCookie.verify(promoted + "." + signature, KEY, NOW));
        assertEquals(Optional.empty(), LoginCookie.verify(longer + "." + signature, KEY, NOW));
    }

    @Test
    void garbageIsNoLogin() {
        for (String value : new String[] {null, "", ".", "abc", "abc.", ".abc", "%%%.%%%", "YQ.YQ", "x".repeat(5000)}) {
            assertFalse(LoginCookie.verify(value, KEY, NOW).isPresent(), String.valueOf(value));
        }
    }

    @Test
    void aLoginIsRenewedInTheSecondHalfOfItsLifeOnlyAndKeepsItsId() {
        LoginCookie login = LoginCookie.fresh("admin", Set.of("admin"), NOW + 3600);
        assertFalse(login.dueForRenewal(NOW, 3600));
        assertFalse(login.dueForRenewal(NOW + 1800, 3600));
        assertTrue(login.dueForRenewal(NOW + 1801, 3600));
        LoginCookie renewed = login.until(NOW + 1801 + 3600);
        assertEquals(login.id(), renewed.id());
        assertTrue(LoginCookie.verify(renewed.sign(KEY), KEY, NOW + 3600).isPresent());
    }

    @Test
    void theTextNeverShowsTheId() {
        LoginCookie login = LoginCookie.fresh("admin", Set.of("admin"), NOW);
        assertFalse(login.toString().contains(login.id()));
    }
}
