package dev.camelextend.client;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.hc.core5.concurrent.FutureCallback;

/** A callback that remembers what it was told, for tests that drive HttpCore consumers by hand. */
final class RecordingCallback<T> implements FutureCallback<T> {

    final AtomicInteger completions = new AtomicInteger();
    final AtomicReference<T> result = new AtomicReference<>();
    final AtomicReference<Exception> failure = new AtomicReference<>();

    @Override
    public void completed(T value) {
        completions.incrementAndGet();
        result.set(value);
    }

    @Override
    public void failed(Exception ex) {
        failure.set(ex);
    }

    @Override
    public void cancelled() {
        failure.set(new IllegalStateException("cancelled"));
    }
}
