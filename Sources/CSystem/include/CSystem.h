#ifndef CSYSTEM_H
#define CSYSTEM_H
/// Glibc's Swift overlay does not export epoll or eventfd; this header does (as SwiftNIO's CNIOLinux).
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <signal.h>

/// EPOLLIN and friends are enum constants of type EPOLL_EVENTS in glibc; expose them as plain uint32_t.
static inline unsigned int csystem_epollin(void) { return EPOLLIN; }
static inline unsigned int csystem_epollout(void) { return EPOLLOUT; }
static inline unsigned int csystem_epollerr(void) { return EPOLLERR; }
static inline unsigned int csystem_epollhup(void) { return EPOLLHUP; }
static inline unsigned int csystem_epollrdhup(void) { return EPOLLRDHUP; }
static inline unsigned int csystem_epollet(void) { return EPOLLET; }
#endif
