package net.presence.sessions.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.IntStream;
import net.presence.values.MacAddress;
import org.junit.jupiter.api.Test;

/** The lock order: whatever order a scan or an import names its devices in, they are locked in one. */
class LedgerTest {

    static MacAddress mac(int n) {
        return MacAddress.parse(String.format("AA:BB:CC:00:%02X:%02X", n / 256, n % 256));
    }

    @Test
    void devicesAreLockedInMacOrderWhateverOrderTheyCameIn() {
        List<MacAddress> given = List.of(mac(3), MacAddress.parse("aa-bb-cc-00-00-01"), mac(2), mac(1));
        assertEquals(List.of(List.of(mac(1), mac(2), mac(3))), Ledger.lockOrder(given, 10));
    }

    @Test
    void twoWritersNamingTheSameDevicesInOppositeOrdersLockAlike() {
        List<MacAddress> forward = IntStream.range(0, 500).mapToObj(LedgerTest::mac).toList();
        List<MacAddress> backward = IntStream.range(0, 500).map(i -> 499 - i).mapToObj(LedgerTest::mac).toList();
        assertEquals(Ledger.lockOrder(forward, Ledger.LOCK_CHUNK), Ledger.lockOrder(backward, Ledger.LOCK_CHUNK));
    }

    @Test
    void chunksFollowEachOtherInOrder() {
        List<MacAddress> given = IntStream.range(0, 450).map(i -> (i * 7) % 450).mapToObj(LedgerTest::mac).toList();
        List<List<MacAddress>> chunks = Ledger.lockOrder(given, 200);
        assertEquals(List.of(200, 200, 50), chunks.stream().map(List::size).toList());
        assertEquals(IntStream.range(0, 450).mapToObj(LedgerTest::mac).toList(),
                chunks.stream().flatMap(List::stream).toList());
    }

    @Test
    void nothingToLockIsNoChunk() {
        assertEquals(List.of(), Ledger.lockOrder(List.of(), 200));
    }
}
