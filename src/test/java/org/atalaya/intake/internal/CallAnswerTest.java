package org.atalaya.intake.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.atalaya.identity.UserAccounts;
import org.atalaya.telephony.EmergencyLines;
import org.atalaya.test.AtalayaTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Answering and hanging up, with the SIP side played by the test (a line that says whether the call could be
 * answered): of two call-takers answering at once exactly one wins and the other hears who did; a caller gone before
 * the answer leaves the call abandoned; hanging up ends the call here before the line hangs up, and both are audited.
 */
@AtalayaTest
class CallAnswerTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserAccounts accounts;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    CallViews views;
    @Autowired
    ApplicationContext application;

    private CallFixtures fixtures;

    /** The SIP side as the test wants it: which calls can still be answered, and what was asked of it. */
    private static final class TestLine implements EmergencyLines {
        final Set<String> gone = ConcurrentHashMap.newKeySet();
        final List<String> answered = new CopyOnWriteArrayList<>();
        final List<String> hungUp = new CopyOnWriteArrayList<>();

        @Override
        public boolean answer(String callId) {
            if (gone.contains(callId)) return false;
            answered.add(callId);
            return true;
        }

        @Override
        public boolean hangUp(String callId) {
            hungUp.add(callId);
            return true;
        }
    }

    private final TestLine line = new TestLine();
    private CallDesk desk;

    @BeforeEach
    void desk() {
        fixtures = new CallFixtures(jdbc, accounts, events);
        desk = CallFixtures.deskWith(line, application);
    }

    @Test
    void ofTwoCallTakersAnsweringAtOnceExactlyOneWinsAndTheOtherHearsWho() throws Exception {
        String sip = CallFixtures.sipCallId();
        long id = fixtures.offer(sip, "sip:+543884555666@carrier.example", null, null, "missing", Instant.now());
        CallFixtures.CallTaker first = new CallFixtures.CallTaker(fixtures.callTaker());
        CallFixtures.CallTaker second = new CallFixtures.CallTaker(fixtures.callTaker());
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<String>> both = new ArrayList<>();
        for (CallFixtures.CallTaker user : List.of(first, second)) {
            both.add(() -> {
                start.await();
                try {
                    return "won:" + desk.answer(id, user).answeredBy();
                } catch (IntakeProblem lost) {
                    return "lost:" + lost.getMessage();
                }
            });
        }
        List<String> outcomes = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(2)) {
            List<Future<String>> futures = both.stream().map(threads::submit).toList();
            start.countDown();
            for (Future<String> future : futures) outcomes.add(future.get());
        }

        List<String> won = outcomes.stream().filter(outcome -> outcome.startsWith("won:")).toList();
        List<String> lost = outcomes.stream().filter(outcome -> outcome.startsWith("lost:")).toList();
        assertThat(won).hasSize(1);
        assertThat(lost).hasSize(1);
        String winner = won.getFirst().substring("won:".length());
        assertThat(lost.getFirst()).isEqualTo("lost:Call " + id + " was already answered by " + winner + ".");
        assertThat(line.answered).containsExactly(sip);
        assertThat(fixtures.audited("call.answered", "call:" + id)).isEqualTo(1);
        assertThat(fixtures.lastActor("call.answered", "call:" + id)).isEqualTo(winner);
        CallView call = views.find(id).orElseThrow();
        assertThat(call.state()).isEqualTo(CallState.ACTIVE);
        assertThat(call.answeredBy()).isEqualTo(winner);
    }

    @Test
    void aCallerGoneBeforeTheAnswerLeavesTheCallAbandoned() {
        String sip = CallFixtures.sipCallId();
        long id = fixtures.offer(sip, "sip:+543884555667@carrier.example", null, null, "missing", Instant.now());
        line.gone.add(sip);
        CallFixtures.CallTaker user = new CallFixtures.CallTaker(fixtures.callTaker());

        assertThatThrownBy(() -> desk.answer(id, user)).isInstanceOf(IntakeProblem.class)
                .hasMessage("The caller of call " + id + " hung up before it was answered.");
        CallView call = views.find(id).orElseThrow();
        assertThat(call.state()).isEqualTo(CallState.ENDED);
        assertThat(call.abandoned()).isTrue();
        assertThat(call.answeredBy()).isNull();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'call.answered' AND target = ?"
                + " AND outcome = 'FAILURE'").param("call:" + id).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void hangingUpEndsTheCallHereThenOnTheLineAndTheLinesEchoChangesNothing() {
        String sip = CallFixtures.sipCallId();
        long id = fixtures.offer(sip, "sip:+543884555668@carrier.example", null, null, "missing", Instant.now());
        CallFixtures.CallTaker user = new CallFixtures.CallTaker(fixtures.callTaker());

        assertThatThrownBy(() -> desk.hangUp(id, user)).isInstanceOf(IntakeProblem.class)
                .hasMessage("Call " + id + " is still ringing: answer it first.");
        desk.answer(id, user);
        CallView ended = desk.hangUp(id, user);

        assertThat(ended.state()).isEqualTo(CallState.ENDED);
        assertThat(ended.abandoned()).isFalse();
        assertThat(line.hungUp).containsExactly(sip);
        assertThat(fixtures.audited("call.hung-up", "call:" + id)).isEqualTo(1);
        assertThat(fixtures.lastActor("call.hung-up", "call:" + id)).isEqualTo(user.username());
        assertThat(jdbc.sql("SELECT details ->> 'sip-call-id' FROM audit_entry WHERE action = 'call.hung-up'"
                + " AND target = ?").param("call:" + id).query(String.class).single()).isEqualTo(sip);

        fixtures.end(sip, ended.endedAt().plusSeconds(5), true);
        assertThat(views.find(id).orElseThrow().endedAt()).isEqualTo(ended.endedAt());
        assertThatThrownBy(() -> desk.hangUp(id, user)).isInstanceOf(IntakeProblem.class)
                .hasMessage("Call " + id + " has already ended.");
    }
}
