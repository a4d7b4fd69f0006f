package org.atalaya.telephony.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.atalaya.audit.AuditEvent;
import org.atalaya.audit.AuditWriteFailedException;
import org.atalaya.telephony.CallerLocation;
import org.atalaya.telephony.EmergencyCallEnded;
import org.atalaya.telephony.EmergencyCallOffered;
import org.junit.jupiter.api.Test;

class EmergencyCallBookTest {

    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

    private final List<Object> events = new ArrayList<>();
    private final List<AuditEvent> audited = new ArrayList<>();
    private boolean auditBroken;
    private final EmergencyCallBook book = new EmergencyCallBook(events::add, event -> {
        if (auditBroken) throw new AuditWriteFailedException("database gone", null);
        audited.add(event);
        return audited.size();
    }, Clock.fixed(NOW, ZoneOffset.UTC), new TelephonyProperties(null, null, null, null, null, 2, null), Runnable::run);

    /** Remembers what the book asked of the SIP side. */
    private static final class RecordingLeg implements CallLeg {
        final List<String> sent = new ArrayList<>();

        @Override
        public boolean answer() {
            sent.add("200");
            return true;
        }

        @Override
        public boolean refuse(int status) {
            sent.add(String.valueOf(status));
            return true;
        }

        @Override
        public boolean bye() {
            sent.add("BYE");
            return true;
        }
    }

    private static final LocationReading HERE = LocationReading.of(new CallerLocation(-24.2, -65.3, 30.0, null));

    @Test
    void anOfferedCallIsAuditedAndAnnounced() {
        RecordingLeg leg = new RecordingLeg();

        assertThat(book.offer("c1", leg, "sip:+5493884000000@example.com", "Ana", HERE))
                .isEqualTo(EmergencyCallBook.Offer.OFFERED);

        assertThat(events).containsExactly(new EmergencyCallOffered("c1", "sip:+5493884000000@example.com", "Ana",
                NOW, HERE.location(), null));
        assertThat(audited).singleElement().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo("call.offered");
            assertThat(entry.target()).isEqualTo("call:c1");
            assertThat(entry.details()).containsEntry("caller", "sip:+5493884000000@example.com");
        });
    }

    @Test
    void answeringTwiceAnswersOnce() {
        RecordingLeg leg = new RecordingLeg();
        book.offer("c1", leg, "sip:a@example.com", null, HERE);

        assertThat(book.answer("c1")).isTrue();
        assertThat(book.answer("c1")).isFalse();
        assertThat(book.answer("unknown")).isFalse();
        assertThat(leg.sent).containsExactly("200");
    }

    @Test
    void hangingUpAnAnsweredCallSendsByeAndEndsItAnswered() {
        RecordingLeg leg = new RecordingLeg();
        book.offer("c1", leg, "sip:a@example.com", null, HERE);
        book.answer("c1");

        assertThat(book.hangUp("c1")).isTrue();
        assertThat(book.hangUp("c1")).isFalse();

        assertThat(leg.sent).containsExactly("200", "BYE");
        assertThat(events).last().isEqualTo(new EmergencyCallEnded("c1", NOW, true));
        assertThat(book.isKnown("c1")).isFalse();
        assertThat(audited).last().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo("call.ended");
            assertThat(entry.details()).containsEntry("answered", "true").containsEntry("how", "centre hung up");
        });
    }

    @Test
    void hangingUpARingingCallDeclinesIt() {
        RecordingLeg leg = new RecordingLeg();
        book.offer("c1", leg, "sip:a@example.com", null, HERE);

        assertThat(book.hangUp("c1")).isTrue();

        assertThat(leg.sent).containsExactly("603");
        assertThat(events).last().isEqualTo(new EmergencyCallEnded("c1", NOW, false));
    }

    @Test
    void aCancelledCallGets487AndEndsUnanswered() {
        RecordingLeg leg = new RecordingLeg();
        book.offer("c1", leg, "sip:a@example.com", null, HERE);

        assertThat(book.callerCancelled("c1")).isTrue();
        assertThat(book.answer("c1")).isFalse();

        assertThat(leg.sent).containsExactly("487");
        assertThat(events).last().isEqualTo(new EmergencyCallEnded("c1", NOW, false));
    }

    @Test
    void aCallRingingTooLongGets480ButAnAnsweredOneIsLeftAlone() {
        RecordingLeg ringing = new RecordingLeg();
        RecordingLeg answered = new RecordingLeg();
        book.offer("ringing", ringing, "sip:a@example.com", null, HERE);
        book.offer("answered", answered, "sip:b@example.com", null, HERE);
        book.answer("answered");

        assertThat(book.ringingTooLong("ringing")).isTrue();
        assertThat(book.ringingTooLong("answered")).isFalse();

        assertThat(ringing.sent).containsExactly("480");
        assertThat(answered.sent).containsExactly("200");
        assertThat(book.isKnown("answered")).isTrue();
    }

    @Test
    void theCallerHangingUpEndsAnAnsweredCallWithoutSignallingBack() {
        RecordingLeg leg = new RecordingLeg();
        book.offer("c1", leg, "sip:a@example.com", null, HERE);
        book.answer("c1");

        assertThat(book.callerHungUp("c1")).isTrue();
        assertThat(book.callerHungUp("c1")).isFalse();

        assertThat(leg.sent).containsExactly("200");
        assertThat(events).last().isEqualTo(new EmergencyCallEnded("c1", NOW, true));
    }

    @Test
    void theBookHoldsNoMoreThanItsCapacityAndNoCallTwice() {
        book.offer("c1", new RecordingLeg(), "sip:a@example.com", null, HERE);

        assertThat(book.offer("c1", new RecordingLeg(), "sip:a@example.com", null, HERE))
                .isEqualTo(EmergencyCallBook.Offer.DUPLICATE);
        book.offer("c2", new RecordingLeg(), "sip:b@example.com", null, HERE);
        assertThat(book.isFull()).isTrue();
        assertThat(book.offer("c3", new RecordingLeg(), "sip:c@example.com", null, HERE))
                .isEqualTo(EmergencyCallBook.Offer.FULL);

        book.callerCancelled("c1");
        assertThat(book.offer("c3", new RecordingLeg(), "sip:c@example.com", null, HERE))
                .isEqualTo(EmergencyCallBook.Offer.OFFERED);
    }

    @Test
    void aCallIsStillOfferedWhenTheAuditLogIsOutOfReach() {
        auditBroken = true;

        book.offer("c1", new RecordingLeg(), "sip:a@example.com", null, LocationReading.problem("none"));

        assertThat(events).singleElement().isInstanceOf(EmergencyCallOffered.class);
    }

    @Test
    void stoppingEndsEveryCall() {
        RecordingLeg ringing = new RecordingLeg();
        RecordingLeg answered = new RecordingLeg();
        book.offer("ringing", ringing, "sip:a@example.com", null, HERE);
        book.offer("answered", answered, "sip:b@example.com", null, HERE);
        book.answer("answered");

        book.endAll();

        assertThat(ringing.sent).containsExactly("503");
        assertThat(answered.sent).containsExactly("200", "BYE");
        assertThat(book.size()).isZero();
    }
}
