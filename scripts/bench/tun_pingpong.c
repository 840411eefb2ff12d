/*
 * The C side of scripts/bench-tun.sh: the same single-thread loop as Braid's Java
 * TunPingPongBenchmark, so the two measure the same thing. It attaches to an existing
 * (persistent, configured) TUN, then writes an ICMP echo request addressed to the TUN's own
 * address and reads the kernel's echo reply back, for a fixed time. Non-blocking descriptor,
 * poll(2) only when a read finds nothing: the same syscalls as the Java device.
 *
 * usage: tun_pingpong IFNAME SECONDS WARMUP_SECONDS PACKET_BYTES LOCAL_IP PEER_IP
 */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <linux/if.h>
#include <linux/if_tun.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <time.h>
#include <unistd.h>

static uint16_t checksum(const uint8_t *p, size_t n) {
    uint32_t sum = 0;
    for (size_t i = 0; i + 1 < n; i += 2) sum += (uint32_t)(p[i] << 8 | p[i + 1]);
    if (n & 1) sum += (uint32_t)(p[n - 1] << 8);
    while (sum >> 16) sum = (sum & 0xffff) + (sum >> 16);
    return (uint16_t)~sum;
}

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void die(const char *call) {
    fprintf(stderr, "tun_pingpong: %s: %s\n", call, strerror(errno));
    exit(1);
}

/* One packet through the TUN and its answer back; returns bytes moved (both directions). */
static long round_trip(int fd, const uint8_t *request, size_t len, uint8_t *reply, size_t cap) {
    if (write(fd, request, len) != (ssize_t)len) die("write");
    for (;;) {
        ssize_t n = read(fd, reply, cap);
        if (n >= 0) return (long)len + n;
        if (errno == EINTR) continue;
        if (errno != EAGAIN) die("read");
        struct pollfd pfd = {.fd = fd, .events = POLLIN};
        int ready = poll(&pfd, 1, 2000);
        if (ready < 0 && errno != EINTR) die("poll");
        if (ready == 0) { fprintf(stderr, "tun_pingpong: no reply within 2 s (pid %d)\n", (int)getpid()); exit(1); }
    }
}

int main(int argc, char **argv) {
    if (argc != 7) {
        fprintf(stderr, "usage: %s IFNAME SECONDS WARMUP_SECONDS PACKET_BYTES LOCAL_IP PEER_IP\n", argv[0]);
        return 2;
    }
    double seconds = atof(argv[2]), warmup = atof(argv[3]);
    size_t len = (size_t)atoi(argv[4]);
    if (len < 28 || len > 9000) { fprintf(stderr, "packet size must be 28..9000\n"); return 2; }

    int fd = open("/dev/net/tun", O_RDWR | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) die("open(/dev/net/tun)");
    struct ifreq ifr;
    memset(&ifr, 0, sizeof ifr);
    ifr.ifr_flags = IFF_TUN | IFF_NO_PI;
    strncpy(ifr.ifr_name, argv[1], IFNAMSIZ - 1);
    if (ioctl(fd, TUNSETIFF, &ifr) < 0) die("ioctl(TUNSETIFF)");

    uint8_t request[9000], reply[9100];
    memset(request, 0, sizeof request);
    request[0] = 0x45;
    request[2] = (uint8_t)(len >> 8); request[3] = (uint8_t)len;
    request[6] = 0x40; request[8] = 64; request[9] = 1; /* DF, TTL, ICMP */
    inet_pton(AF_INET, argv[6], request + 12); /* from the peer ... */
    inet_pton(AF_INET, argv[5], request + 16); /* ... to the TUN's own address: the kernel answers */
    uint16_t c = checksum(request, 20);
    request[10] = (uint8_t)(c >> 8); request[11] = (uint8_t)c;
    uint8_t *icmp = request + 20;
    icmp[0] = 8; icmp[4] = 0x42; icmp[5] = 0x42; icmp[7] = 1;
    for (size_t i = 8; i < len - 20; i++) icmp[i] = (uint8_t)(i - 8);
    c = checksum(icmp, len - 20);
    icmp[2] = (uint8_t)(c >> 8); icmp[3] = (uint8_t)c;

    double end = now() + warmup;
    while (now() < end) round_trip(fd, request, len, reply, sizeof reply);

    long packets = 0, bytes = 0;
    double start = now();
    end = start + seconds;
    while (1) {
        for (int i = 0; i < 256; i++) { bytes += round_trip(fd, request, len, reply, sizeof reply); packets++; }
        if (now() >= end) break;
    }
    double elapsed = now() - start;
    printf("impl=c bytes_per_packet=%zu round_trips=%ld seconds=%.3f pps=%.0f MBps=%.1f\n", /* pps: packets moved, a round trip is two */
           len, packets, elapsed, 2.0 * packets / elapsed, bytes / elapsed / 1e6);
    close(fd);
    return 0;
}
