package org.atalaya.telephony.internal;

import java.text.ParseException;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.DialogState;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One incoming call's INVITE transaction and dialog, as JAIN-SIP holds them. */
final class SipCallLeg implements CallLeg {

    private static final Logger log = LoggerFactory.getLogger(SipCallLeg.class);

    private final SipMessages messages;
    private final ServerTransaction invite;
    private final String callId;
    private final String localTag;
    private final String sdpAnswer;

    SipCallLeg(SipMessages messages, ServerTransaction invite, String localTag, String sdpAnswer) {
        this.messages = messages;
        this.invite = invite;
        this.callId = SipMessages.callId(invite.getRequest());
        this.localTag = localTag;
        this.sdpAnswer = sdpAnswer;
    }

    /** Sends 180 Ringing, which opens the early dialog. */
    boolean ring() {
        try {
            return messages.send(invite, messages.dialogResponse(Response.RINGING, invite.getRequest(), localTag));
        } catch (ParseException e) {
            log.warn("Could not ring call {}", callId, e);
            return false;
        }
    }

    @Override
    public boolean answer() {
        try {
            Response ok = messages.dialogResponse(Response.OK, invite.getRequest(), localTag);
            return messages.send(invite, messages.withSdp(ok, sdpAnswer));
        } catch (ParseException e) {
            log.warn("Could not answer call {}", callId, e);
            return false;
        }
    }

    @Override
    public boolean refuse(int status) {
        try {
            return messages.send(invite, messages.dialogResponse(status, invite.getRequest(), localTag));
        } catch (ParseException e) {
            log.warn("Could not refuse call {}", callId, e);
            return false;
        }
    }

    @Override
    public boolean bye() {
        Dialog dialog = invite.getDialog();
        if (dialog == null || dialog.getState() == DialogState.TERMINATED) return false;
        try {
            Request bye = dialog.createRequest(Request.BYE);
            ClientTransaction transaction = messages.provider().getNewClientTransaction(bye);
            dialog.sendRequest(transaction);
            return true;
        } catch (SipException | RuntimeException e) {
            log.warn("Could not send BYE on call {}: {}", callId, e.getClass().getSimpleName());
            return false;
        }
    }

    /** Answers a re-INVITE of the answered call with the same SDP: the session stays as it is. */
    boolean answerAgain(ServerTransaction reInvite) {
        try {
            Response ok = messages.dialogResponse(Response.OK, reInvite.getRequest(), localTag);
            return messages.send(reInvite, messages.withSdp(ok, sdpAnswer));
        } catch (ParseException e) {
            log.warn("Could not answer a re-INVITE on call {}", callId, e);
            return false;
        }
    }
}
