package io.braid.e2e.peers;

import io.braid.core.testing.Netns;
import io.braid.e2e.testbed.Addresses;
import io.braid.e2e.testbed.Testbed;

/** A path that ends at the protected LAN's host: what a VPN is for (every tunnel row). */
abstract class LanPath implements ReferencePath {
    protected final Testbed testbed;

    LanPath(Testbed testbed) {
        this.testbed = testbed;
    }

    @Override
    public final Netns serverSide() {
        return testbed.lan();
    }

    @Override
    public final String target() {
        return Addresses.LAN_HOST;
    }
}
