package org.atalaya.telephony.internal;

import gov.nist.javax.sip.DialogTimeoutEvent;
import gov.nist.javax.sip.SipListenerExt;
import gov.nist.javax.sip.SipStackImpl;
import gov.nist.javax.sip.address.AddressFactoryImpl;
import gov.nist.javax.sip.header.HeaderFactoryImpl;
import gov.nist.javax.sip.message.MessageFactoryImpl;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.ListeningPoint;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipProvider;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.address.Address;
import javax.sip.address.URI;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.ExtensionHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.Header;
import javax.sip.header.HeaderAddress;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The SIP user agent that receives emergency calls (JAIN-SIP, NIST reference implementation). It rings each INVITE,
 * reads the caller's location from the body and offers the call through the {@link EmergencyCallBook}; a call-taker
 * answers it from the console. No media flows: the SDP answer declines every stream. Runs in the server only (not in
 * command-line tools) and listens on loopback unless told otherwise.
 */
@Component
@ConditionalOnWebApplication
@ConditionalOnBooleanProperty(name = "atalaya.telephony.enabled", matchIfMissing = true)
class SipUserAgent implements SmartLifecycle, SipListenerExt {

    private static final Logger log = LoggerFactory.getLogger(SipUserAgent.class);
    private static final int LONGEST_CALLER_TEXT = 256;

    private final TelephonyProperties properties;
    private final EmergencyCallBook book;
    private final AtomicLong sessionIds = new AtomicLong(System.currentTimeMillis() / 1000);

    private volatile SipStackImpl stack;
    private volatile SipMessages messages;
    private volatile ScheduledExecutorService ringTimer;
    private volatile int port;

    SipUserAgent(TelephonyProperties properties, EmergencyCallBook book) {
        this.properties = properties;
        this.book = book;
    }

    /** The port the user agent listens on (the chosen one when configured as 0); 0 while stopped. */
    int port() {
        return port;
    }

    @Override
    public synchronized void start() {
        if (stack != null) return;
        String address = properties.bindAddress();
        int chosenPort = properties.port() == 0 ? freePort(address) : properties.port();
        try {
            SipStackImpl newStack = new SipStackImpl(stackProperties(chosenPort));
            SipProvider provider = null;
            for (String transport : properties.transports()) {
                ListeningPoint point = newStack.createListeningPoint(address, chosenPort, transport);
                if (provider == null) provider = newStack.createSipProvider(point);
                else provider.addListeningPoint(point);
            }
            provider.addSipListener(this);
            messages = new SipMessages(provider, new MessageFactoryImpl(), new HeaderFactoryImpl(),
                    new AddressFactoryImpl(), address, chosenPort, properties.userAgent());
            ringTimer = Executors.newSingleThreadScheduledExecutor(
                    Thread.ofPlatform().name("sip-ring-timer").daemon().factory());
            newStack.start();
            stack = newStack;
            port = chosenPort;
            log.info("Emergency call intake listening for SIP on {}:{} ({})", address, chosenPort,
                    String.join(", ", properties.transports()));
        } catch (Exception e) {
            throw new IllegalStateException("The SIP user agent cannot listen on " + address + ":" + chosenPort
                    + " (atalaya.telephony.bind-address / port): " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void stop() {
        if (stack == null) return;
        book.endAll();
        ringTimer.shutdownNow();
        stack.stop();
        stack = null;
        port = 0;
    }

    @Override
    public boolean isRunning() {
        return stack != null;
    }

    private Properties stackProperties(int chosenPort) {
        Properties stackProperties = new Properties();
        stackProperties.setProperty("javax.sip.STACK_NAME", "atalaya-" + chosenPort);
        stackProperties.setProperty("javax.sip.AUTOMATIC_DIALOG_SUPPORT", "on");
        stackProperties.setProperty("gov.nist.javax.sip.STACK_LOGGER", SipStackLogger.class.getName());
        stackProperties.setProperty("gov.nist.javax.sip.SERVER_LOGGER", SipMessageLogger.class.getName());
        stackProperties.setProperty("gov.nist.javax.sip.REENTRANT_LISTENER", "false");
        stackProperties.setProperty("gov.nist.javax.sip.THREAD_POOL_SIZE", "8");
        stackProperties.setProperty("gov.nist.javax.sip.MAX_MESSAGE_SIZE", "262144");
        stackProperties.setProperty("gov.nist.javax.sip.EARLY_DIALOG_TIMEOUT_SECONDS",
                String.valueOf(properties.ringTimeout().toSeconds() + 60));
        return stackProperties;
    }

    @Override
    public void processRequest(RequestEvent event) {
        Request request = event.getRequest();
        try {
            switch (request.getMethod()) {
                case Request.INVITE -> invite(event);
                case Request.ACK -> { }
                case Request.CANCEL -> cancel(event);
                case Request.BYE -> bye(event);
                default -> respond(event, request.getMethod().equals(Request.OPTIONS)
                        ? Response.OK : Response.METHOD_NOT_ALLOWED);
            }
        } catch (Exception | LinkageError e) {
            // LinkageError too: a stack path that still reaches for log4j must not take the listener thread down.
            log.warn("Could not handle a SIP {} on call {}", request.getMethod(), SipMessages.callId(request), e);
        }
    }

    private void invite(RequestEvent event) throws ParseException {
        Request request = event.getRequest();
        String callId = SipMessages.callId(request);
        if (((ToHeader) request.getHeader(ToHeader.NAME)).getTag() != null) {
            reInvite(event, callId);
            return;
        }
        ServerTransaction transaction = messages.serverTransaction(event);
        if (transaction == null) return;
        messages.send(transaction, messages.response(Response.TRYING, request));
        if (!isEmergencyDestination(request.getRequestURI())) {
            messages.send(transaction, messages.response(Response.NOT_FOUND, request));
            return;
        }
        if (book.isKnown(callId)) {
            messages.send(transaction, messages.response(Response.LOOP_DETECTED, request));
            return;
        }
        if (book.isFull()) {
            messages.send(transaction, messages.response(Response.BUSY_HERE, request));
            return;
        }
        InviteBody body = InviteBody.read(contentType(request), request.getRawContent(),
                headerValues(request, "Geolocation"));
        String sdp = SdpAnswer.forOffer(body.sdpOffer(), messages.address(), sessionIds.incrementAndGet());
        SipCallLeg leg = new SipCallLeg(messages, transaction, UUID.randomUUID().toString().substring(0, 12), sdp);
        if (!leg.ring()) return;
        Address caller = callerAddress(request);
        String callerUri = cleaned(caller.getURI().toString());
        String callerName = caller.getDisplayName() == null ? null : cleaned(caller.getDisplayName());
        switch (book.offer(callId, leg, callerUri, callerName, body.location())) {
            case OFFERED -> ringTimer.schedule(() -> endUnanswered(callId),
                    properties.ringTimeout().toMillis(), TimeUnit.MILLISECONDS);
            case FULL -> leg.refuse(Response.BUSY_HERE);
            case DUPLICATE -> leg.refuse(Response.LOOP_DETECTED);
        }
    }

    private void endUnanswered(String callId) {
        try {
            book.ringingTooLong(callId);
        } catch (RuntimeException e) {
            log.warn("Could not end unanswered call {}", callId, e);
        }
    }

    private void reInvite(RequestEvent event, String callId) throws ParseException {
        ServerTransaction transaction = messages.serverTransaction(event);
        CallLeg leg = book.answeredLeg(callId);
        if (leg instanceof SipCallLeg sipLeg && transaction != null) {
            sipLeg.answerAgain(transaction);
        } else {
            int status = book.isKnown(callId) ? Response.REQUEST_PENDING : Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST;
            messages.send(transaction, messages.response(status, event.getRequest()));
        }
    }

    private void cancel(RequestEvent event) throws ParseException {
        String callId = SipMessages.callId(event.getRequest());
        boolean known = book.isKnown(callId);
        respond(event, known ? Response.OK : Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
        if (known) book.callerCancelled(callId);
    }

    private void bye(RequestEvent event) throws ParseException {
        String callId = SipMessages.callId(event.getRequest());
        boolean known = book.isKnown(callId);
        respond(event, known ? Response.OK : Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
        if (known) book.callerHungUp(callId);
    }

    private void respond(RequestEvent event, int status) throws ParseException {
        messages.send(messages.serverTransaction(event), messages.response(status, event.getRequest()));
    }

    /** Emergency service URNs (RFC 5031) and any SIP, SIPS or tel URI sent to this user agent. */
    private static boolean isEmergencyDestination(URI uri) {
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        return switch (scheme) {
            case "sip", "sips", "tel" -> true;
            case "urn" -> uri.toString().toLowerCase(Locale.ROOT).startsWith("urn:service:sos");
            default -> false;
        };
    }

    /** P-Asserted-Identity (the network's word for who calls) when present, else From. */
    private static Address callerAddress(Request request) {
        Header asserted = request.getHeader("P-Asserted-Identity");
        if (asserted instanceof HeaderAddress identity && identity.getAddress() != null) return identity.getAddress();
        return ((FromHeader) request.getHeader(FromHeader.NAME)).getAddress();
    }

    private static String contentType(Request request) {
        ContentTypeHeader type = (ContentTypeHeader) request.getHeader(ContentTypeHeader.NAME);
        if (type == null) return null;
        StringBuilder value = new StringBuilder(type.getContentType() + "/" + type.getContentSubType());
        for (Iterator<?> names = type.getParameterNames(); names.hasNext(); ) {
            String name = (String) names.next();
            value.append("; ").append(name).append('=').append(type.getParameter(name));
        }
        return value.toString();
    }

    private static List<String> headerValues(Request request, String name) {
        List<String> values = new ArrayList<>();
        for (Iterator<?> headers = request.getHeaders(name); headers.hasNext(); ) {
            Object header = headers.next();
            if (header instanceof ExtensionHeader extension) values.add(extension.getValue());
            else {
                String text = header.toString();
                values.add(text.substring(text.indexOf(':') + 1).trim());
            }
        }
        return values;
    }

    private static String cleaned(String text) {
        String oneLine = text.replaceAll("\\p{Cntrl}", "").strip();
        return oneLine.length() <= LONGEST_CALLER_TEXT ? oneLine : oneLine.substring(0, LONGEST_CALLER_TEXT);
    }

    @Override
    public void processDialogTerminated(DialogTerminatedEvent event) {
        try {
            book.connectionLost(event.getDialog().getCallId().getCallId());
        } catch (RuntimeException e) {
            log.warn("Could not close a call whose dialog ended", e);
        }
    }

    @Override
    public void processDialogTimeout(DialogTimeoutEvent event) {
        try {
            book.connectionLost(event.getDialog().getCallId().getCallId());
        } catch (RuntimeException e) {
            log.warn("Could not close a call whose dialog timed out", e);
        }
    }

    @Override
    public void processResponse(ResponseEvent event) {
        // Only our BYEs are answered; whatever the answer, the call has already ended here.
    }

    @Override
    public void processTimeout(TimeoutEvent event) {
        // A BYE nobody answered or a final response nobody acknowledged: the call is over either way.
    }

    @Override
    public void processIOException(IOExceptionEvent event) {
        log.debug("SIP transport error towards {}:{}", event.getHost(), event.getPort());
    }

    @Override
    public void processTransactionTerminated(TransactionTerminatedEvent event) {
    }

    /** A port free for both UDP and TCP on the address, for tests and parallel runs (configured as port 0). */
    private static int freePort(String address) {
        for (int attempt = 0; attempt < 20; attempt++) {
            try (ServerSocket tcp = new ServerSocket()) {
                tcp.bind(new InetSocketAddress(InetAddress.getByName(address), 0));
                int candidate = tcp.getLocalPort();
                try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress(InetAddress.getByName(address),
                        candidate))) {
                    return candidate;
                } catch (IOException taken) {
                    // try another
                }
            } catch (IOException e) {
                throw new IllegalStateException("No free port on " + address, e);
            }
        }
        throw new IllegalStateException("No port free for both UDP and TCP on " + address);
    }
}
