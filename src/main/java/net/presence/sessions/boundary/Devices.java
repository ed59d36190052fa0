package net.presence.sessions.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import net.presence.sessions.entity.Device;

/**
 * Serialises the writes of one device. Every write locks the device's row first, in the database,
 * so the rule that a device's sessions never overlap holds across threads and across servers
 * sharing one database.
 */
@Stateless
@PermitAll
public class Devices {

    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext context;

    /**
     * The device, locked until the caller's transaction ends; its row is made on first use. The row
     * is made (or found) before the caller's transaction touches the table: a caller that already held
     * a lock on the table while its nested transaction queued behind a whole scan's table lock would
     * wait for itself.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public Device lock(String mac) {
        context.getBusinessObject(Devices.class).register(mac);
        return em.find(Device.class, mac, LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * Makes the device's row in a transaction of its own, so that concurrent first writes of one
     * device all find one row to queue on; the loser of that race simply uses the winner's row.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void register(String mac) {
        try {
            if (em.find(Device.class, mac) == null) {
                em.persist(new Device(mac));
                em.flush();
            }
        } catch (PersistenceException raced) {
            context.setRollbackOnly();
        }
    }
}
