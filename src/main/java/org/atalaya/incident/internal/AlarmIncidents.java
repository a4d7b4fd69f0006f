package org.atalaya.incident.internal;

import java.util.List;
import java.util.stream.Collectors;

import org.atalaya.alarm.AlarmHandedToIncident;
import org.atalaya.camera.CameraCatalog;
import org.atalaya.camera.RegisteredCamera;
import org.atalaya.incident.IncidentView;
import org.atalaya.incident.NewIncident;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Opens an alarm follow-up incident when an operator hands an alarm over to the emergency centre. */
@Component
class AlarmIncidents {

    static final String TYPE = "ALARM_FOLLOW_UP";

    private final IncidentService incidents;
    private final IncidentStore store;
    private final CameraCatalog cameras;

    AlarmIncidents(IncidentService incidents, IncidentStore store, CameraCatalog cameras) {
        this.incidents = incidents;
        this.store = store;
        this.cameras = cameras;
    }

    /** A hand-over delivered again (after a restart) finds its incident already open and does nothing. */
    @ApplicationModuleListener
    void on(AlarmHandedToIncident alarm) {
        if (store.existsForAlarm(alarm.alarmId())) return;
        String summary = alarm.detail() == null || alarm.detail().isBlank()
                ? "Alarm " + alarm.type() : "Alarm " + alarm.type() + ": " + alarm.detail();
        IncidentView opened = incidents.open(new NewIncident(TYPE, null, alarm.latitude(), alarm.longitude(), null,
                summary, null, null, alarm.alarmId()), alarm.by());
        incidents.record(opened.id(), LogEntry.Kind.ALARM, "From alarm " + alarm.alarmId() + " (" + alarm.type()
                + ", first at " + alarm.firstAt() + ")" + cameraNames(alarm.cameraIds()), alarm.by());
    }

    private String cameraNames(List<Long> ids) {
        if (ids.isEmpty()) return "";
        return ids.stream()
                .map(id -> cameras.find(id).map(RegisteredCamera::name).map(name -> name + " (#" + id + ")")
                        .orElse("#" + id))
                .collect(Collectors.joining(", ", "; cameras: ", ""));
    }
}
