package org.atalaya.telephony.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.atalaya.telephony.EmergencyCallEnded;
import org.atalaya.telephony.EmergencyCallOffered;
import org.atalaya.telephony.EmergencyLines;
import org.atalaya.test.AtalayaTest;
import org.atalaya.test.Await;
import org.atalaya.test.Sipp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Real SIP calls from SIPp to the running application's user agent. */
@AtalayaTest
class SipUserAgentTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @Autowired
    private ConfigurableApplicationContext context;

    @Autowired
    private SipUserAgent agent;

    @Autowired
    private EmergencyLines lines;

    @Autowired
    private EmergencyCallBook book;

    @Autowired
    private JdbcClient database;

    private final List<Object> events = new CopyOnWriteArrayList<>();
    private final ApplicationListener<ApplicationEvent> collector = event -> {
        if (event instanceof PayloadApplicationEvent<?> payload) events.add(payload.getPayload());
    };
    private final String prefix = "test-" + UUID.randomUUID();

    @BeforeEach
    void listen() {
        context.addApplicationListener(collector);
    }

    @AfterEach
    void stopListening() {
        context.removeApplicationListener(collector);
    }

    private List<EmergencyCallOffered> offered() {
        return events.stream().filter(EmergencyCallOffered.class::isInstance).map(EmergencyCallOffered.class::cast)
                .filter(call -> call.callId().startsWith(prefix)).toList();
    }

    private List<EmergencyCallEnded> ended() {
        return events.stream().filter(EmergencyCallEnded.class::isInstance).map(EmergencyCallEnded.class::cast)
                .filter(call -> call.callId().startsWith(prefix)).toList();
    }

    /** Places the circle call, answers it when it rings, and lets the caller hang up; returns SIPp's result. */
    private Sipp.Result answeredCall(String callIds, boolean overTcp) {
        Sipp sipp = Sipp.scenario("answered-circle").callIds(callIds);
        Sipp.Run run = (overTcp ? sipp.overTcp() : sipp).start(agent.port());
        Await.until(WAIT, () -> offered().stream().anyMatch(call -> call.callId().startsWith(callIds)),
                "SIPp is running", run::isAlive, () -> run.await().details());
        String callId = offered().stream().filter(call -> call.callId().startsWith(callIds)).findFirst()
                .orElseThrow().callId();
        assertThat(lines.answer(callId)).isTrue();
        return run.await();
    }

    @Test
    void aCallWithACircleIsOfferedWithItsLocationAnsweredAndEndedByTheCaller() {
        Sipp.Result result = answeredCall(prefix, true);

        assertThat(result.succeeded()).as(result.details()).isTrue();
        EmergencyCallOffered call = offered().getFirst();
        assertThat(call.callerUri()).isEqualTo("tel:+5493884000001");
        assertThat(call.callerName()).isEqualTo("Ana Caller");
        assertThat(call.locationProblem()).isNull();
        assertThat(call.location().latitude()).isEqualTo(-24.18562);
        assertThat(call.location().longitude()).isEqualTo(-65.29941);
        assertThat(call.location().radiusMetres()).isEqualTo(35.0);
        Await.until(WAIT, () -> !ended().isEmpty());
        assertThat(ended()).singleElement().satisfies(end -> {
            assertThat(end.callId()).isEqualTo(call.callId());
            assertThat(end.answered()).isTrue();
        });
        assertThat(book.isKnown(call.callId())).isFalse();
        assertThat(lines.hangUp(call.callId())).isFalse();
        assertThat(result.messages()).contains("m=audio 0 RTP/AVP 0");
        assertThat(database.sql("SELECT action FROM audit_entry WHERE target = :target ORDER BY seq")
                .param("target", "call:" + call.callId()).query(String.class).list())
                .containsExactly("call.offered", "call.ended");
    }

    @Test
    void aReInviteKeepsTheSessionAndTheCentreHangsUpWithBye() {
        Sipp.Run run = Sipp.scenario("answered-reinvite-centre-hangs-up").callIds(prefix).start(agent.port());
        Await.until(WAIT, () -> !offered().isEmpty(), "SIPp is running", run::isAlive, () -> run.await().details());
        String callId = offered().getFirst().callId();
        assertThat(lines.answer(callId)).isTrue();
        Await.until(WAIT, () -> run.messagesSoFar().contains("CSeq: 2 ACK"), "SIPp is running", run::isAlive,
                () -> run.await().details());

        assertThat(lines.hangUp(callId)).isTrue();

        Sipp.Result result = run.await();
        assertThat(result.succeeded()).as(result.details()).isTrue();
        assertThat(result.messages()).contains("CSeq: 2 INVITE").contains("m=audio 0 RTP/AVP 0");
        Await.until(WAIT, () -> !ended().isEmpty());
        assertThat(ended()).singleElement().satisfies(end -> assertThat(end.answered()).isTrue());
        assertThat(book.isKnown(callId)).isFalse();
    }

    @Test
    void theSameCallWorksOverUdp() {
        Sipp.Result result = answeredCall(prefix, false);

        assertThat(result.succeeded()).as(result.details()).isTrue();
        Await.until(WAIT, () -> !ended().isEmpty());
        assertThat(ended().getFirst().answered()).isTrue();
    }

    @Test
    void aBrokenLocationStillRingsWithTheProblemAndTheCentreCanDeclineIt() {
        Sipp.Run run = Sipp.scenario("malformed-location-declined").callIds(prefix).start(agent.port());
        Await.until(WAIT, () -> !offered().isEmpty(), "SIPp is running", run::isAlive, () -> run.await().details());

        EmergencyCallOffered call = offered().getFirst();
        assertThat(call.location()).isNull();
        assertThat(call.locationProblem()).isEqualTo("the location document is not well-formed XML");
        assertThat(call.callerUri()).startsWith("sip:+5493884000002@");
        assertThat(call.callerName()).isNull();
        assertThat(lines.hangUp(call.callId())).isTrue();

        Sipp.Result result = run.await();
        assertThat(result.succeeded()).as(result.details()).isTrue();
        Await.until(WAIT, () -> !ended().isEmpty());
        assertThat(ended()).singleElement().satisfies(end -> assertThat(end.answered()).isFalse());
        assertThat(lines.answer(call.callId())).isFalse();
    }

    @Test
    void aCallCancelledWhileRingingEndsUnanswered() {
        Sipp.Result result = Sipp.scenario("cancelled").callIds(prefix).overTcp().run(agent.port());

        assertThat(result.succeeded()).as(result.details()).isTrue();
        Await.until(WAIT, () -> !ended().isEmpty());
        assertThat(offered()).singleElement().satisfies(call ->
                assertThat(call.locationProblem()).isEqualTo("the call carried no location"));
        assertThat(ended()).singleElement().satisfies(end -> {
            assertThat(end.callId()).isEqualTo(offered().getFirst().callId());
            assertThat(end.answered()).isFalse();
        });
    }

    @Test
    void optionsIsAnsweredAndAnUnsupportedMethodRefused() {
        Sipp.Result result = Sipp.scenario("options-and-unsupported").callIds(prefix).run(agent.port());

        assertThat(result.succeeded()).as(result.details()).isTrue();
        assertThat(offered()).isEmpty();
    }

    @Test
    void garbageAndAFloodOfCallsLeaveTheUserAgentAnsweringAndNoCallBehind() {
        Sipp.Result garbage = Sipp.scenario("garbage").callIds(prefix + "-garbage").run(agent.port());
        assertThat(garbage.succeeded()).as(garbage.details()).isTrue();

        Sipp.Result flood = Sipp.scenario("cancelled").callIds(prefix + "-flood").calls(100).rate(50)
                .timeout(Duration.ofSeconds(90)).run(agent.port());
        assertThat(flood.succeeded()).as(flood.details()).isTrue();
        Await.until(WAIT, () -> ended().size() == 100);
        assertThat(offered()).hasSize(100);
        assertThat(offered()).noneMatch(call -> book.isKnown(call.callId()));

        Sipp.Result afterwards = answeredCall(prefix + "-after", false);
        assertThat(afterwards.succeeded()).as(afterwards.details()).isTrue();
    }
}
