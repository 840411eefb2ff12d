package io.braid.core.api;

/** A registration that ends when closed; closing twice is harmless and never throws. */
@FunctionalInterface
public interface Subscription extends AutoCloseable {
    @Override
    void close();
}
