package org.atalaya.tracking.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.atalaya.test.AtalayaTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Runs the maintenance for days long past (2001), which no other test and no real position touches: what it drops
 * is older than any partition the application prepared for today. The two tests use months far enough apart that
 * either may run first.
 */
@AtalayaTest
class PartitionMaintenanceTest {

    @Autowired
    PartitionMaintenance maintenance;
    @Autowired
    PositionStore store;
    @Autowired
    JdbcClient jdbc;

    /** The partitions of January and February 2001. */
    private List<String> partitionsOf2001() {
        return jdbc.sql("""
                        SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
                        WHERE i.inhparent = 'unit_positions'::regclass AND c.relname ~ '^unit_positions_20010[12]'
                        ORDER BY 1""")
                .query(String.class).list();
    }

    private void storeAt(long unit, Instant at) {
        store.insert(List.of(new PositionRow(unit, "maintenance-test", at, at, -24, -65, null, null, null, null,
                null, null, true, PositionRow.Source.OSMAND)));
    }

    private String partitionHolding(long unit) {
        return jdbc.sql("SELECT tableoid::regclass::text FROM unit_positions WHERE unit_id = ?").param(unit)
                .query(String.class).single();
    }

    @Test
    void preparesTheDaysAheadDropsTheDaysPastRetentionAndAuditsEachDrop() {
        assertThat(jdbc.sql("SELECT count(*) FROM pg_inherits WHERE inhparent = 'unit_positions'::regclass "
                + "AND inhrelid = to_regclass(?)").param("unit_positions_" + java.time.format.DateTimeFormatter
                .BASIC_ISO_DATE.format(LocalDate.now(java.time.ZoneOffset.UTC))).query(Long.class).single())
                .as("the migration prepared today").isEqualTo(1);
        long unitInADay = 800_000_001L;
        long unitBeforeEveryDay = 800_000_002L;
        storeAt(unitBeforeEveryDay, Instant.parse("2001-01-02T10:00:00Z"));

        PartitionMaintenance.Outcome prepared = maintenance.run(LocalDate.parse("2001-01-10"));

        assertThat(prepared.created()).isEqualTo(4);
        assertThat(partitionsOf2001()).containsExactly("unit_positions_20010110", "unit_positions_20010111",
                "unit_positions_20010112", "unit_positions_20010113");
        assertThat(maintenance.run(LocalDate.parse("2001-01-10")).created()).as("nothing twice").isZero();
        assertThat(jdbc.sql("SELECT has_table_privilege('unit_positions_20010110', 'DELETE') "
                + "OR has_table_privilege('unit_positions_20010110', 'UPDATE')").query(Boolean.class).single())
                .as("the application may not change or delete positions").isFalse();
        assertThat(jdbc.sql("SELECT has_table_privilege('unit_positions_20010110', 'INSERT')")
                .query(Boolean.class).single()).isTrue();
        storeAt(unitInADay, Instant.parse("2001-01-11T23:59:59Z"));
        assertThat(partitionHolding(unitInADay)).isEqualTo("unit_positions_20010111");
        assertThat(partitionHolding(unitBeforeEveryDay)).isEqualTo("unit_positions_default");

        PartitionMaintenance.Outcome purged = maintenance.run(LocalDate.parse("2001-02-15"));

        assertThat(purged.purged()).containsExactly(new PartitionMaintenance.Purged(LocalDate.parse("2001-01-10"), 0),
                new PartitionMaintenance.Purged(LocalDate.parse("2001-01-11"), 1),
                new PartitionMaintenance.Purged(LocalDate.parse("2001-01-12"), 0),
                new PartitionMaintenance.Purged(LocalDate.parse("2001-01-13"), 0),
                new PartitionMaintenance.Purged(null, 1));
        assertThat(partitionsOf2001()).containsExactly("unit_positions_20010215", "unit_positions_20010216",
                "unit_positions_20010217", "unit_positions_20010218");
        assertThat(jdbc.sql("SELECT count(*) FROM unit_positions WHERE unit_id IN (?, ?)")
                .param(unitInADay).param(unitBeforeEveryDay).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("""
                        SELECT target || ' ' || (details ->> 'rows') FROM audit_entry
                        WHERE action = 'tracking.positions.purged' AND target LIKE 'positions:%2001-01-1%'
                        ORDER BY seq""")
                .query(String.class).list()).containsExactly("positions:2001-01-10 0", "positions:2001-01-11 1",
                "positions:2001-01-12 0", "positions:2001-01-13 0", "positions:before-2001-01-16 1");
    }

    @Test
    void aDayPreparedLateTakesOverItsFixesFromTheDefaultPartition() {
        long unit = 800_000_003L;
        storeAt(unit, Instant.parse("2001-06-05T12:00:00Z"));
        assertThat(partitionHolding(unit)).isEqualTo("unit_positions_default");

        maintenance.run(LocalDate.parse("2001-06-05"));

        assertThat(partitionHolding(unit)).isEqualTo("unit_positions_20010605");
    }
}
