package io.braid.core.netcfg.windows;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.WString;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.LongByReference;
import com.sun.jna.win32.W32APIOptions;
import io.braid.core.os.NativeCallException;

/** The Winsock and IP Helper calls behind IP_UNICAST_IF, as an interface tests can fake. */
public interface WindowsSocketApi {
    int IPPROTO_IP = 0;
    int IPPROTO_IPV6 = 41;
    int IP_UNICAST_IF = 31;
    int IPV6_UNICAST_IF = 31;

    /** setsockopt on a SOCKET handle; returns 0 or SOCKET_ERROR (-1). */
    int setsockopt(long socket, int level, int option, Pointer value, int length);

    int lastSocketError();

    /** The interface index of a friendly name such as "Wi-Fi" (alias → LUID → index). */
    int interfaceIndex(String alias) throws NativeCallException;

    /** ws2_32.dll and iphlpapi.dll. */
    static WindowsSocketApi load() {
        Ws2 ws2 = Native.load("ws2_32", Ws2.class);
        IpHelper ip = Native.load("iphlpapi", IpHelper.class, W32APIOptions.DEFAULT_OPTIONS);
        return new WindowsSocketApi() {
            @Override
            public int setsockopt(long socket, int level, int option, Pointer value, int length) {
                return ws2.setsockopt(socket, level, option, value, length);
            }

            @Override
            public int lastSocketError() {
                return ws2.WSAGetLastError();
            }

            @Override
            public int interfaceIndex(String alias) throws NativeCallException {
                LongByReference luid = new LongByReference();
                int rc = ip.ConvertInterfaceAliasToLuid(new WString(alias), luid);
                if (rc != 0) throw new NativeCallException("ConvertInterfaceAliasToLuid(" + alias + ")", rc);
                IntByReference index = new IntByReference();
                rc = ip.ConvertInterfaceLuidToIndex(luid, index);
                if (rc != 0) throw new NativeCallException("ConvertInterfaceLuidToIndex(" + alias + ")", rc);
                return index.getValue();
            }
        };
    }

    /** ws2_32.dll; SOCKET is pointer-sized, passed as a long on 64-bit Windows. */
    interface Ws2 extends Library {
        int setsockopt(long socket, int level, int option, Pointer value, int length);

        int WSAGetLastError();
    }

    /** iphlpapi.dll; NET_LUID is a 64-bit union. Both return a NETIO_STATUS (0 on success). */
    interface IpHelper extends Library {
        int ConvertInterfaceAliasToLuid(WString alias, LongByReference luid);

        int ConvertInterfaceLuidToIndex(LongByReference luid, IntByReference index);
    }
}
