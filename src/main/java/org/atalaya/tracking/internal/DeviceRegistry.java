package org.atalaya.tracking.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.atalaya.audit.AuditEvent;
import org.atalaya.audit.AuditLog;
import org.atalaya.tracking.TrackedDevices;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Which device reports for which unit: in the database, and in memory for the intake, which never asks the database
 * per report. Changes (and the periodic reload, which notices devices removed with their unit) take one lock, so
 * memory never goes back to an older state of the table.
 */
@Service
class DeviceRegistry implements TrackedDevices {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final AuditLog audit;
    private final Clock clock;
    private final Map<String, Long> unitByDevice = new ConcurrentHashMap<>();
    private final Object changes = new Object();

    DeviceRegistry(JdbcClient jdbc, PlatformTransactionManager transactionManager, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.audit = audit;
        this.clock = clock;
        reload();
    }

    /** The unit a device reports for, from memory. */
    Optional<Long> unitOf(String deviceId) {
        return Optional.ofNullable(unitByDevice.get(deviceId));
    }

    @Override
    public void register(String deviceId, long unitId, String actor) {
        String id = checkedId(deviceId);
        synchronized (changes) {
            try {
                transactions.executeWithoutResult(status -> {
                    Optional<Long> before = jdbc.sql("SELECT unit_id FROM tracked_devices WHERE device_id = ? FOR UPDATE")
                            .param(id).query(Long.class).optional();
                    jdbc.sql("""
                                    INSERT INTO tracked_devices (device_id, unit_id, registered_at, registered_by)
                                    VALUES (?, ?, ?, ?)
                                    ON CONFLICT (device_id) DO UPDATE
                                    SET unit_id = EXCLUDED.unit_id, registered_at = EXCLUDED.registered_at,
                                        registered_by = EXCLUDED.registered_by""")
                            .param(id).param(unitId).param(Timestamp.from(clock.instant()))
                            .param(actor == null ? "system" : actor).update();
                    AuditEvent event = AuditEvent.success("tracking.device.registered", "unit:" + unitId)
                            .by(actor).with("device", masked(id));
                    if (before.isPresent() && before.get() != unitId) event = event.with("movedFrom", "unit:" + before.get());
                    audit.record(event);
                });
            } catch (DataIntegrityViolationException noSuchUnit) {
                throw new IllegalArgumentException("There is no unit " + unitId + ".");
            }
            unitByDevice.put(id, unitId);
        }
    }

    @Override
    public boolean unregister(String deviceId, String actor) {
        if (deviceId == null) return false;
        String id = deviceId.strip();
        synchronized (changes) {
            Optional<Long> unit = transactions.execute(status -> {
                Optional<Long> removed = jdbc.sql("DELETE FROM tracked_devices WHERE device_id = ? RETURNING unit_id")
                        .param(id).query(Long.class).optional();
                removed.ifPresent(unitId -> audit.record(AuditEvent.success("tracking.device.unregistered",
                        "unit:" + unitId).by(actor).with("device", masked(id))));
                return removed;
            });
            unitByDevice.remove(id);
            return unit.isPresent();
        }
    }

    @Override
    public List<String> devicesOf(long unitId) {
        return unitByDevice.entrySet().stream().filter(entry -> entry.getValue() == unitId)
                .map(Map.Entry::getKey).sorted().toList();
    }

    /** Reads the table again: devices go with their unit when it is deleted, which this module is not told of. */
    void reload() {
        synchronized (changes) {
            Map<String, Long> current = new HashMap<>();
            jdbc.sql("SELECT device_id, unit_id FROM tracked_devices")
                    .query(rs -> {
                        current.put(rs.getString("device_id"), rs.getLong("unit_id"));
                    });
            unitByDevice.keySet().retainAll(current.keySet());
            unitByDevice.putAll(current);
        }
    }

    private static String checkedId(String deviceId) {
        String id = deviceId == null ? "" : deviceId.strip();
        if (id.isEmpty() || id.length() > OsmandDecoder.MAX_DEVICE_ID_LENGTH
                || id.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("A device id has 1 to " + OsmandDecoder.MAX_DEVICE_ID_LENGTH
                    + " characters, without control characters.");
        }
        return id;
    }

    /** The device id is what a device proves itself with: the audit trail names it by its end only. */
    static String masked(String deviceId) {
        return deviceId.length() <= 4 ? "****" : "…" + deviceId.substring(deviceId.length() - 4);
    }
}
