package com.ambiosys.inbox;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Group commit for webhook deliveries: the deliveries of one tenant that arrive while the tenant's previous
 * batch is being written (or within {@code maxWait} of the first) are written together in one transaction: one
 * {@code BEGIN}, one {@code set_config} of the tenant, one commit and one WAL flush for the lot. Each caller of
 * {@link #submit} returns only after the commit that contains its delivery, with its own result or failure.
 *
 * <p>No thread of its own ("leader/follower"): the calling request threads take turns writing. A caller that finds
 * fewer than {@code writers} batches of its tenant under way becomes a writer: it waits up to {@code maxWait} (or
 * until {@code maxSize} deliveries are queued), takes up to {@code maxSize} queued deliveries, writes them, wakes
 * their callers and, if more are queued, hands its turn to the caller of the oldest one, so a writer answers its
 * own request after one batch. The others wait for their result. So a tenant has at most {@code writers}
 * transactions (connections) of webhooks at a time, whatever the number of concurrent requests.
 *
 * <p>Failures: when the database is unavailable ({@code unavailable}) every delivery of the batch fails with it
 * (the webhook answers 503). Any other failure of a batch of several is retried delivery by delivery, each in a
 * transaction of its own, so one bad delivery fails alone.
 *
 * @param <D> a delivery
 * @param <R> what writing a delivery answers
 */
final class WebhookBatcher<D, R> {

    /** Writes a tenant's deliveries in one transaction and answers their results, in the same order. */
    interface Writer<D, R> {
        List<R> write(UUID tenant, List<D> deliveries);
    }

    private final Writer<D, R> writer;
    private final Predicate<RuntimeException> unavailable;
    private final int maxSize;
    private final long maxWaitNanos;
    private final int writers;
    private final Map<UUID, Lane> lanes = new ConcurrentHashMap<>();

    WebhookBatcher(Writer<D, R> writer, Predicate<RuntimeException> unavailable, int maxSize, Duration maxWait,
            int writers) {
        this.writer = writer;
        this.unavailable = unavailable;
        this.maxSize = Math.max(1, maxSize);
        this.maxWaitNanos = Math.max(0, maxWait.toNanos());
        this.writers = Math.max(1, writers);
    }

    /** Writes the delivery with others of the tenant; answers its result once committed, or throws its failure. */
    R submit(UUID tenant, D delivery) {
        Lane lane = lanes.computeIfAbsent(tenant, t -> new Lane());
        Pending<D, R> pending = new Pending<>(delivery);
        boolean write;
        synchronized (lane) {
            lane.queue.add(pending);
            write = lane.writing < writers;
            if (write) {
                lane.writing++;
            }
            else if (lane.queue.size() >= maxSize) {
                lane.notifyAll(); // a writer waiting for more can go
            }
        }
        if (write) {
            writeTurn(tenant, lane, true);
        }
        return pending.await(() -> writeTurn(tenant, lane, false));
    }

    /**
     * One turn of a writer: a batch, then the turn is handed to the caller of the oldest queued delivery, or given
     * back. {@code fresh}: a new turn, which waits up to {@code maxWait} for company; a turn handed over does not
     * (what it takes queued while the previous batch was written).
     */
    private void writeTurn(UUID tenant, Lane lane, boolean fresh) {
        List<Pending<D, R>> batch = new ArrayList<>();
        try {
            synchronized (lane) {
                long deadline = System.nanoTime() + maxWaitNanos;
                long left = fresh ? maxWaitNanos : 0;
                boolean interrupted = false;
                while (left > 0 && lane.queue.size() < maxSize) {
                    try {
                        lane.wait(left / 1_000_000, (int) (left % 1_000_000));
                    }
                    catch (InterruptedException ex) {
                        interrupted = true;
                        break;
                    }
                    left = deadline - System.nanoTime();
                }
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
                while (batch.size() < maxSize && !lane.queue.isEmpty()) {
                    batch.add(lane.queue.poll());
                }
            }
            if (!batch.isEmpty()) {
                write(tenant, batch);
            }
        }
        catch (RuntimeException | Error ex) { // not the writer's: nobody must wait for ever
            for (Pending<D, R> p : batch) {
                p.fail(ex instanceof RuntimeException r ? r : new IllegalStateException(ex));
            }
            throw ex;
        }
        finally {
            synchronized (lane) { // under the lane's lock: the oldest queued delivery cannot be taken meanwhile
                Pending<D, R> next = lane.queue.peek();
                if (next == null) {
                    lane.writing--;
                }
                else {
                    next.takeTurn();
                }
            }
        }
    }

    private void write(UUID tenant, List<Pending<D, R>> batch) {
        List<D> deliveries = new ArrayList<>(batch.size());
        batch.forEach(p -> deliveries.add(p.delivery));
        try {
            List<R> results = writer.write(tenant, deliveries);
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).succeed(results.get(i));
            }
            return;
        }
        catch (RuntimeException ex) {
            if (batch.size() == 1 || unavailable.test(ex)) {
                batch.forEach(p -> p.fail(ex));
                return;
            }
        }
        for (Pending<D, R> p : batch) { // one by one: a bad delivery fails alone
            try {
                p.succeed(writer.write(tenant, List.of(p.delivery)).get(0));
            }
            catch (RuntimeException ex) {
                p.fail(ex);
            }
        }
    }

    /** A tenant's queued deliveries and how many writers it has at the moment (guarded by itself). */
    private final class Lane {
        final ArrayDeque<Pending<D, R>> queue = new ArrayDeque<>();
        int writing;
    }

    /** A caller's delivery: its result or failure once written, or its turn to write. */
    private static final class Pending<D, R> {
        final D delivery;
        private boolean done;
        private boolean turn;
        private R result;
        private RuntimeException failure;

        Pending(D delivery) {
            this.delivery = delivery;
        }

        synchronized void succeed(R value) {
            if (done) {
                return;
            }
            result = value;
            done = true;
            notifyAll();
        }

        synchronized void fail(RuntimeException ex) {
            if (done) {
                return;
            }
            failure = ex;
            done = true;
            notifyAll();
        }

        synchronized void takeTurn() {
            turn = true;
            notifyAll();
        }

        /** Waits until written; writes a batch whenever handed the turn. */
        R await(Runnable writeTurn) {
            boolean interrupted = false;
            try {
                while (true) {
                    boolean write;
                    synchronized (this) {
                        while (!done && !turn) {
                            try {
                                wait();
                            }
                            catch (InterruptedException ex) {
                                interrupted = true; // the delivery is queued or being written: wait for its end
                            }
                        }
                        write = turn;
                        turn = false;
                        if (!write) {
                            if (failure != null) {
                                throw failure;
                            }
                            return result;
                        }
                    }
                    writeTurn.run(); // handed a turn (even if written by another meanwhile: the turn must be used)
                }
            }
            finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
