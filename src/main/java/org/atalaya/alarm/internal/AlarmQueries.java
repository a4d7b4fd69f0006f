package org.atalaya.alarm.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.atalaya.access.Permission;
import org.atalaya.access.SignedInUser;
import org.atalaya.camera.CameraCatalog;
import org.atalaya.camera.RegisteredCamera;
import org.atalaya.clip.EventClip;
import org.atalaya.clip.EventClips;
import org.atalaya.identity.UserDirectory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads the alarm queue as a user sees it. An alarm with cameras belongs to its first camera's group and is seen with
 * {@link Permission#ALARM_VIEW} for that group; one without cameras with {@code ALARM_VIEW} at all.
 */
@Component
class AlarmQueries {

    private static final int MIN_PAGE = 100;

    private final JdbcClient jdbc;
    private final AlarmStore store;
    private final AlarmTypes types;
    private final CameraCatalog cameras;
    private final EventClips clips;
    private final UserDirectory users;
    private final Clock clock;

    AlarmQueries(JdbcClient jdbc, AlarmStore store, AlarmTypes types, CameraCatalog cameras,
                 EventClips clips, UserDirectory users, Clock clock) {
        this.jdbc = jdbc;
        this.store = store;
        this.types = types;
        this.cameras = cameras;
        this.clips = clips;
        this.users = users;
        this.clock = clock;
    }

    /** The open alarms the user sees: most urgent first, escalated ones first within a priority, then oldest first. */
    List<AlarmView> open(SignedInUser user, int limit) {
        return visible(user, limit, """
                SELECT * FROM alarm WHERE state <> 'closed'
                ORDER BY priority, (escalated_at IS NULL), first_at, id""");
    }

    /** The closed alarms the user sees, most recently closed first. */
    List<AlarmView> closedRecently(SignedInUser user, int limit) {
        return visible(user, limit, "SELECT * FROM alarm WHERE state = 'closed' ORDER BY closed_at DESC, id DESC");
    }

    /** The alarm, whoever may see it. */
    Optional<AlarmView> find(long id) {
        return store.find(id).map(this::view);
    }

    boolean visibleTo(AlarmView alarm, SignedInUser user) {
        return visible(alarm.cameraGroup(), user, Permission.ALARM_VIEW);
    }

    AlarmCounts counts(SignedInUser user) {
        var startOfToday = LocalDate.now(clock.withZone(ZoneOffset.UTC)).atStartOfDay(ZoneOffset.UTC).toInstant();
        int[] byState = new int[AlarmState.values().length];
        jdbc.sql("""
                        SELECT state, camera_group, count(*) AS alarms FROM alarm
                        WHERE state <> 'closed' OR closed_at >= ?
                        GROUP BY state, camera_group""")
                .param(Timestamp.from(startOfToday))
                .query(row -> {
                    if (visible(row.getString("camera_group"), user, Permission.ALARM_VIEW)) {
                        byState[AlarmState.of(row.getString("state")).ordinal()] += row.getInt("alarms");
                    }
                });
        return new AlarmCounts(byState[AlarmState.NEW.ordinal()], byState[AlarmState.ACKNOWLEDGED.ordinal()],
                byState[AlarmState.IN_PROGRESS.ordinal()], byState[AlarmState.CLOSED.ordinal()]);
    }

    List<HistoryEntry> history(long id) {
        return store.history(id);
    }

    /** Whether the user holds the permission for alarms of the group (any grant of it when there is no group). */
    static boolean visible(String cameraGroup, SignedInUser user, Permission permission) {
        return cameraGroup == null ? user.can(permission) : user.can(permission, cameraGroup);
    }

    /**
     * The first {@code limit} rows of the query that the user sees, read a page at a time: the closed alarms grow
     * without end, and PostgreSQL's driver would otherwise read every one of them.
     */
    private List<AlarmView> visible(SignedInUser user, int limit, String sql) {
        List<AlarmRow> rows = new ArrayList<>();
        int page = Math.max(limit, MIN_PAGE);
        for (int offset = 0; rows.size() < limit; offset += page) {
            List<AlarmRow> read = jdbc.sql(sql + " LIMIT ? OFFSET ?").param(page).param(offset)
                    .query(AlarmStore.ROW).list();
            read.stream().filter(row -> visible(row.cameraGroup(), user, Permission.ALARM_VIEW))
                    .limit(limit - rows.size()).forEach(rows::add);
            if (read.size() < page) break;
        }
        return rows.stream().map(this::view).toList();
    }

    AlarmView view(AlarmRow row) {
        List<AlarmCamera> attached = row.cameraIds().stream()
                .map(id -> new AlarmCamera(id, cameras.find(id).map(RegisteredCamera::name).orElse("")))
                .toList();
        return new AlarmView(row.id(), row.type(), row.priority(), row.state().code(), row.source(), row.detail(),
                row.firstAt(), row.lastAt(), row.count(), attached, row.latitude(), row.longitude(), row.assignee(),
                displayName(row.assignee()), row.acknowledgedAt(), row.escalatedAt(), row.outcome(),
                row.outcomeNote(), row.closedAt(), row.incidentRequestedAt() != null, sop(row), clips(row.id()),
                row.cameraGroup());
    }

    private List<SopLine> sop(AlarmRow row) {
        List<String> lines = types.find(row.type()).map(AlarmType::sop).orElse(List.of());
        Map<Integer, SopLine> ticks = new HashMap<>();
        store.ticks(row.id()).forEach(tick -> ticks.put(tick.index(), tick));
        List<SopLine> sop = new ArrayList<>();
        for (int index = 0; index < lines.size(); index++) {
            SopLine tick = ticks.get(index);
            sop.add(tick == null ? new SopLine(index, lines.get(index), false, null, null)
                    : new SopLine(index, lines.get(index), true, tick.doneBy(), tick.doneAt()));
        }
        return sop;
    }

    private List<ClipLink> clips(long alarmId) {
        return clips.forEvent(JdbcAlarmIntake.clipRef(alarmId)).stream()
                .sorted(Comparator.comparing(EventClip::from))
                .map(clip -> new ClipLink(clip.id(), clip.cameraId(), clip.state().name().toLowerCase(Locale.ROOT),
                        clip.from(), clip.to(), ClipLink.urlOf(clip.id())))
                .toList();
    }

    /** The display name of a user, or null for none. */
    private String displayName(String username) {
        if (username == null) return null;
        return users.displayName(username).orElse(username);
    }
}
