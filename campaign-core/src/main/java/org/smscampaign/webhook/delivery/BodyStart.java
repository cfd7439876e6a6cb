package org.smscampaign.webhook.delivery;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Takes the first bytes of an endpoint's answer (for the delivery log) and cancels the
 * rest, so an answer that trickles or never ends cannot hold a sender.
 */
final class BodyStart implements HttpResponse.BodySubscriber<String> {

    private final int limit;

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    private final CompletableFuture<String> result = new CompletableFuture<>();

    private Flow.Subscription subscription;

    BodyStart(int limit) {
        this.limit = limit;
    }

    @Override
    public CompletionStage<String> getBody() {
        return this.result;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        subscription.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        for (ByteBuffer item : items) {
            int take = Math.min(item.remaining(), this.limit - this.bytes.size());
            byte[] chunk = new byte[take];
            item.get(chunk);
            this.bytes.write(chunk, 0, take);
        }
        if (this.bytes.size() >= this.limit) {
            this.subscription.cancel();
            finish();
        }
        else {
            this.subscription.request(1);
        }
    }

    @Override
    public void onError(Throwable error) {
        // The status line arrived; what the body said so far is enough for the log.
        finish();
    }

    @Override
    public void onComplete() {
        finish();
    }

    private void finish() {
        this.result.complete(this.bytes.toString(StandardCharsets.UTF_8));
    }

}
