package org.smscampaign.web.bulkhead;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.AsyncHandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Takes a turn of the bulkhead before an {@link ExpensiveRead} handler runs and gives it
 * back when the request ends: after the handler for a plain answer, after the last byte
 * for a streamed one (an export), whatever way it ends. Refusals are counted in
 * {@code sms_web_expensive_reads_refused_total}.
 */
@Component
class ExpensiveReadLimit implements AsyncHandlerInterceptor, WebMvcConfigurer {

    private static final String TURN = ExpensiveReadLimit.class.getName() + ".turn";

    private final Bulkhead bulkhead;

    private final ExpensiveReadsProperties properties;

    private final Counter refused;

    ExpensiveReadLimit(Bulkhead bulkhead, ExpensiveReadsProperties properties, MeterRegistry meters) {
        this.bulkhead = bulkhead;
        this.properties = properties;
        this.refused = Counter.builder("sms.web.expensive.reads.refused")
            .description("Heavy reads refused with 429 because as many as allowed ran already")
            .register(meters);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method) || !expensive(method) || request.getAttribute(TURN) != null) {
            return true; // the second dispatch of a streamed answer still holds its turn
        }
        if (!this.bulkhead.tryAcquirePermission()) {
            this.refused.increment();
            throw new ReadsBusy(this.properties.maxConcurrent(), this.properties.retryAfter());
        }
        request.setAttribute(TURN, new Turn(this.bulkhead));
        return true;
    }

    @Override
    public void afterConcurrentHandlingStarted(HttpServletRequest request, HttpServletResponse response,
            Object handler) {
        if (request.getAttribute(TURN) instanceof Turn turn && !turn.streamed()) {
            turn.holdUntilTheStreamEnds(request.getAsyncContext());
        }
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
            Exception ex) {
        if (request.getAttribute(TURN) instanceof Turn turn && !turn.streamed()) {
            request.removeAttribute(TURN);
            turn.giveBack();
        }
    }

    static boolean expensive(HandlerMethod method) {
        return method.hasMethodAnnotation(ExpensiveRead.class)
                || AnnotatedElementUtils.hasAnnotation(method.getBeanType(), ExpensiveRead.class);
    }

    /** One request's turn, given back once: at its end, or when its stream completes. */
    private static final class Turn implements AsyncListener {

        private final Bulkhead bulkhead;

        private final AtomicBoolean given = new AtomicBoolean();

        private volatile boolean streamed;

        Turn(Bulkhead bulkhead) {
            this.bulkhead = bulkhead;
        }

        boolean streamed() {
            return this.streamed;
        }

        void holdUntilTheStreamEnds(AsyncContext async) {
            this.streamed = true;
            async.addListener(this);
        }

        void giveBack() {
            if (this.given.compareAndSet(false, true)) {
                this.bulkhead.onComplete();
            }
        }

        @Override
        public void onComplete(AsyncEvent event) {
            giveBack();
        }

        @Override
        public void onTimeout(AsyncEvent event) {
        }

        @Override
        public void onError(AsyncEvent event) {
        }

        @Override
        public void onStartAsync(AsyncEvent event) throws IOException {
        }

    }

}
