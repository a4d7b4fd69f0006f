package org.atalaya.telephony.internal;

import java.text.ParseException;
import java.util.List;
import javax.sip.InvalidArgumentException;
import javax.sip.RequestEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.SipProvider;
import javax.sip.TransactionAlreadyExistsException;
import javax.sip.TransactionUnavailableException;
import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Message;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds and sends the user agent's responses; the JAIN-SIP factories and our own addresses in one place. */
final class SipMessages {

    private static final Logger log = LoggerFactory.getLogger(SipMessages.class);

    static final String ALLOWED_METHODS = "INVITE, ACK, CANCEL, BYE, OPTIONS";
    static final String ACCEPTED_BODIES = "application/sdp, application/pidf+xml, multipart/mixed";

    private final SipProvider provider;
    private final MessageFactory messages;
    private final HeaderFactory headers;
    private final AddressFactory addresses;
    private final String address;
    private final int port;
    private final String userAgent;

    SipMessages(SipProvider provider, MessageFactory messages, HeaderFactory headers, AddressFactory addresses,
                String address, int port, String userAgent) {
        this.provider = provider;
        this.messages = messages;
        this.headers = headers;
        this.addresses = addresses;
        this.address = address;
        this.port = port;
        this.userAgent = userAgent;
    }

    SipProvider provider() {
        return provider;
    }

    HeaderFactory headers() {
        return headers;
    }

    String address() {
        return address;
    }

    /** The request's server transaction, made if the stack did not; null for a retransmission already handled. */
    ServerTransaction serverTransaction(RequestEvent event) {
        if (event.getServerTransaction() != null) return event.getServerTransaction();
        try {
            return provider.getNewServerTransaction(event.getRequest());
        } catch (TransactionAlreadyExistsException e) {
            return null;
        } catch (TransactionUnavailableException e) {
            log.debug("No transaction for a {} request; answering statelessly", event.getRequest().getMethod());
            return null;
        }
    }

    Response response(int status, Request request) throws ParseException {
        Response response = messages.createResponse(status, request);
        response.addHeader(headers.createServerHeader(List.of(userAgent)));
        if (status == Response.METHOD_NOT_ALLOWED || request.getMethod().equals(Request.OPTIONS)) {
            response.addHeader(headers.createAllowHeader(ALLOWED_METHODS));
        }
        if (status == Response.UNSUPPORTED_MEDIA_TYPE || request.getMethod().equals(Request.OPTIONS)) {
            response.addHeader(headers.createAcceptHeader("application", "sdp"));
            response.addHeader(headers.createAcceptHeader("application", "pidf+xml"));
            response.addHeader(headers.createAcceptHeader("multipart", "mixed"));
        }
        return response;
    }

    /** A response to an INVITE that sets up the dialog: our To tag and our Contact. */
    Response dialogResponse(int status, Request invite, String localTag) throws ParseException {
        Response response = response(status, invite);
        ((ToHeader) response.getHeader(ToHeader.NAME)).setTag(localTag);
        if (status < 300) response.addHeader(contact(invite));
        return response;
    }

    Response withSdp(Response response, String sdp) throws ParseException {
        ContentTypeHeader type = headers.createContentTypeHeader("application", "sdp");
        response.setContent(sdp, type);
        return response;
    }

    /** Sends through the transaction, or statelessly when there is none. False when it could not be sent. */
    boolean send(ServerTransaction transaction, Response response) {
        try {
            if (transaction != null) transaction.sendResponse(response);
            else provider.sendResponse(response);
            return true;
        } catch (SipException | InvalidArgumentException | RuntimeException e) {
            log.warn("Could not send {} for call {}: {}", response.getStatusCode(), callId(response),
                    e.getClass().getSimpleName());
            return false;
        }
    }

    private ContactHeader contact(Request request) throws ParseException {
        SipURI uri = addresses.createSipURI("sos", address.contains(":") ? "[" + address + "]" : address);
        uri.setPort(port);
        ViaHeader via = (ViaHeader) request.getHeader(ViaHeader.NAME);
        if (via != null && "tcp".equalsIgnoreCase(via.getTransport())) uri.setTransportParam("tcp");
        return headers.createContactHeader(addresses.createAddress(uri));
    }

    static String callId(Message message) {
        var header = (CallIdHeader) message.getHeader(CallIdHeader.NAME);
        return header == null ? "?" : header.getCallId();
    }
}
