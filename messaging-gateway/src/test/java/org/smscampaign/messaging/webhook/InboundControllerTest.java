package org.smscampaign.messaging.webhook;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.smscampaign.messaging.reply.InboundMessages;

import org.springframework.dao.DeadlockLoserDataAccessException;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * A text that meets another writer of the same rows (a deadlock with an import) is
 * received again at once: the provider does not retry, and a STOP must not be lost.
 */
class InboundControllerTest {

    private final TwilioRequests requests = mock(TwilioRequests.class);

    private final InboundMessages inbound = mock(InboundMessages.class);

    private final InboundController controller = new InboundController(this.requests, this.inbound);

    @Test
    void aStopThatLostADeadlockIsReceivedAgain() {
        when(this.requests.authentic(any(), any())).thenReturn(true);
        when(this.inbound.receive(any(), any(), any(), any(), any()))
            .thenThrow(new DeadlockLoserDataAccessException("deadlock detected", null))
            .thenReturn(Optional.empty());

        ResponseEntity<String> answer = this.controller.receive(stop());

        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        verify(this.inbound, times(2)).receive(any(), any(), any(), any(), any());
    }

    @Test
    void aFailureThatPersistsIsNotHidden() {
        when(this.requests.authentic(any(), any())).thenReturn(true);
        when(this.inbound.receive(any(), any(), any(), any(), any()))
            .thenThrow(new DeadlockLoserDataAccessException("deadlock detected", null));

        assertThatExceptionOfType(DeadlockLoserDataAccessException.class)
            .isThrownBy(() -> this.controller.receive(stop()));
        verify(this.inbound, times(3)).receive(any(), any(), any(), any(), any());
    }

    private static MockHttpServletRequest stop() {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/webhooks/twilio/inbound");
        request.addParameter("From", "+15551234567");
        request.addParameter("Body", "STOP");
        request.addParameter("MessageSid", "SM" + System.nanoTime());
        return request;
    }

}
