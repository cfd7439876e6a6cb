package org.smscampaign.web.bulkhead;

import java.time.Duration;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockAsyncContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.method.HandlerMethod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The turns of the heavy reads: taken before the handler, given back once, at the very
 * end.
 */
class ExpensiveReadLimitTest {

    private final Bulkhead bulkhead = Bulkhead.of("test",
            BulkheadConfig.custom().maxConcurrentCalls(2).maxWaitDuration(Duration.ZERO).build());

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    private final ExpensiveReadLimit limit = new ExpensiveReadLimit(this.bulkhead,
            new ExpensiveReadsProperties(2, Duration.ZERO, Duration.ofSeconds(5)), this.meters);

    @Test
    void aReadOverTheBoundIsRefusedAndItsTurnComesBackWhenAnotherEnds() throws Exception {
        MockHttpServletRequest first = new MockHttpServletRequest();
        MockHttpServletRequest second = new MockHttpServletRequest();
        assertThat(this.limit.preHandle(first, new MockHttpServletResponse(), handler("heavy"))).isTrue();
        assertThat(this.limit.preHandle(second, new MockHttpServletResponse(), handler("heavy"))).isTrue();

        assertThatExceptionOfType(ReadsBusy.class)
            .isThrownBy(() -> this.limit.preHandle(new MockHttpServletRequest(), new MockHttpServletResponse(),
                    handler("heavy")))
            .satisfies((busy) -> assertThat(busy.retryAfter()).hasSeconds(5))
            .withMessageContaining("2 heavy reads");
        assertThat(this.meters.counter("sms.web.expensive.reads.refused").count()).isEqualTo(1);

        this.limit.afterCompletion(first, new MockHttpServletResponse(), handler("heavy"), null);
        this.limit.afterCompletion(first, new MockHttpServletResponse(), handler("heavy"), null);
        assertThat(this.bulkhead.getMetrics().getAvailableConcurrentCalls()).as("given back once").isEqualTo(1);
        assertThat(this.limit.preHandle(new MockHttpServletRequest(), new MockHttpServletResponse(), handler("heavy")))
            .isTrue();
    }

    @Test
    void aStreamedAnswerHoldsItsTurnUntilItsLastByte() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setAsyncSupported(true);
        this.limit.preHandle(request, new MockHttpServletResponse(), handler("heavy"));
        request.startAsync();
        this.limit.afterConcurrentHandlingStarted(request, new MockHttpServletResponse(), handler("heavy"));

        // The dispatch that writes the stream passes through again: no second turn, none
        // given back.
        this.limit.preHandle(request, new MockHttpServletResponse(), handler("heavy"));
        this.limit.afterCompletion(request, new MockHttpServletResponse(), handler("heavy"), null);
        assertThat(this.bulkhead.getMetrics().getAvailableConcurrentCalls()).isEqualTo(1);

        ((MockAsyncContext) request.getAsyncContext()).complete();
        assertThat(this.bulkhead.getMetrics().getAvailableConcurrentCalls()).isEqualTo(2);
    }

    @Test
    void otherHandlersAndWholeControllersMarkedAsHeavy() throws Exception {
        for (int i = 0; i < 5; i++) {
            this.limit.preHandle(new MockHttpServletRequest(), new MockHttpServletResponse(), handler("light"));
        }
        assertThat(this.bulkhead.getMetrics().getAvailableConcurrentCalls()).isEqualTo(2);

        this.limit.preHandle(new MockHttpServletRequest(), new MockHttpServletResponse(),
                new HandlerMethod(new HeavyController(), HeavyController.class.getDeclaredMethod("any")));
        assertThat(this.bulkhead.getMetrics().getAvailableConcurrentCalls()).isEqualTo(1);
    }

    private static HandlerMethod handler(String name) throws NoSuchMethodException {
        return new HandlerMethod(new Controller(), Controller.class.getDeclaredMethod(name));
    }

    static class Controller {

        @ExpensiveRead
        void heavy() {
        }

        void light() {
        }

    }

    @ExpensiveRead
    static class HeavyController {

        void any() {
        }

    }

}
