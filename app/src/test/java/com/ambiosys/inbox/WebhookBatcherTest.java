package com.ambiosys.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link WebhookBatcher} alone: grouping, the writers' limit, one-by-one retry and the database being down. */
class WebhookBatcherTest {

    static final UUID TENANT = UUID.randomUUID();

    final ExecutorService pool = Executors.newFixedThreadPool(40);

    @AfterEach
    void stop() throws InterruptedException {
        pool.shutdownNow();
        pool.awaitTermination(10, TimeUnit.SECONDS);
    }

    /** Submits every delivery at once, each from its own thread; answers the futures in the same order. */
    List<Future<String>> submitAll(WebhookBatcher<String, String> batcher, List<String> deliveries) {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<String>> futures = new ArrayList<>();
        for (String d : deliveries) {
            futures.add(pool.submit((Callable<String>) () -> {
                go.await();
                return batcher.submit(TENANT, d);
            }));
        }
        go.countDown();
        return futures;
    }

    static List<String> numbered(int n) {
        List<String> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            all.add("d" + i);
        }
        return all;
    }

    @Test
    void concurrentDeliveriesShareTransactionsAndEachGetsItsOwnResult() throws Exception {
        AtomicInteger writing = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        List<Integer> sizes = new CopyOnWriteArrayList<>();
        WebhookBatcher<String, String> batcher = new WebhookBatcher<>((tenant, batch) -> {
            mostAtOnce.accumulateAndGet(writing.incrementAndGet(), Math::max);
            try {
                Thread.sleep(20); // a commit
            }
            catch (InterruptedException ex) {
                throw new IllegalStateException(ex);
            }
            writing.decrementAndGet();
            sizes.add(batch.size());
            return batch.stream().map(d -> d + ":ok").toList();
        }, ex -> false, 8, Duration.ofMillis(2), 2);
        List<String> deliveries = numbered(40);
        List<Future<String>> futures = submitAll(batcher, deliveries);
        for (int i = 0; i < deliveries.size(); i++) {
            assertThat(futures.get(i).get(10, TimeUnit.SECONDS)).isEqualTo(deliveries.get(i) + ":ok");
        }
        assertThat(sizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(40);
        assertThat(sizes).allMatch(s -> s <= 8);
        assertThat(sizes).as("transactions written for 40 deliveries").hasSizeLessThan(40);
        assertThat(mostAtOnce.get()).isLessThanOrEqualTo(2);
        // and the lane is free again: a later delivery is written at once
        assertThat(batcher.submit(TENANT, "later")).isEqualTo("later:ok");
    }

    @Test
    void aBatchThatFailsIsRetriedOneByOneSoABadDeliveryFailsAlone() throws Exception {
        List<List<String>> written = new CopyOnWriteArrayList<>();
        WebhookBatcher<String, String> batcher = new WebhookBatcher<>((tenant, batch) -> {
            written.add(List.copyOf(batch));
            if (batch.contains("bad")) {
                throw new IllegalArgumentException("bad delivery");
            }
            return batch.stream().map(d -> d + ":ok").toList();
        }, ex -> false, 100, Duration.ofMillis(200), 1); // a long wait: all of them in one batch
        List<Future<String>> futures = submitAll(batcher, List.of("a", "bad", "c", "d"));
        assertThat(futures.get(0).get(10, TimeUnit.SECONDS)).isEqualTo("a:ok");
        assertThatThrownBy(() -> futures.get(1).get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
            .hasCauseInstanceOf(IllegalArgumentException.class);
        assertThat(futures.get(2).get(10, TimeUnit.SECONDS)).isEqualTo("c:ok");
        assertThat(futures.get(3).get(10, TimeUnit.SECONDS)).isEqualTo("d:ok");
        assertThat(written).as("the bad delivery tried in a batch, then alone").contains(List.of("bad"))
            .anySatisfy(batch -> assertThat(batch).contains("bad").hasSizeGreaterThan(1));
    }

    @Test
    void whenTheDatabaseIsDownTheWholeBatchFailsWithoutRetries() throws Exception {
        List<Integer> sizes = new CopyOnWriteArrayList<>();
        WebhookBatcher<String, String> batcher = new WebhookBatcher<>((tenant, batch) -> {
            sizes.add(batch.size());
            throw new IllegalStateException("database down");
        }, ex -> ex instanceof IllegalStateException, 100, Duration.ofMillis(200), 1);
        List<Future<String>> futures = submitAll(batcher, numbered(5));
        for (Future<String> f : futures) {
            assertThatThrownBy(() -> f.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(IllegalStateException.class);
        }
        // what reached the database: the batches, never a delivery on its own after its batch failed
        assertThat(sizes.stream().mapToInt(Integer::intValue).sum()).as("deliveries written").isEqualTo(5);
    }
}
