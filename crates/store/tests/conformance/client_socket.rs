//! Every connection of the PostgreSQL store's pool sends its messages at
//! once: `TCP_NODELAY` is set. sqlx 0.9.0 stopped setting it, and every
//! message larger than one TCP segment then waited ~40 ms for a delayed
//! acknowledgement (issue 18); a benchmark whose reference goes through the
//! same client stalls the same way and cannot see it. So this reads the
//! socket option itself, not a timing: the process's sockets connected to
//! the server's port are found in `/proc/self/fd` and duplicated with
//! `pidfd_getfd`, which needs no unsafe code.

use std::os::fd::AsRawFd;
use std::str::FromStr;

use iiz_store::EventStore;

use rustix::net::{getpeername, sockopt};
use rustix::process::{PidfdFlags, PidfdGetfdFlags, getpid, pidfd_getfd, pidfd_open};
use sqlx::postgres::PgConnectOptions;

/// Each of this process's sockets connected to `port` (its descriptor),
/// with whether `TCP_NODELAY` is set.
fn sockets_to(port: u16) -> Vec<(i32, bool)> {
    let me = pidfd_open(getpid(), PidfdFlags::empty()).unwrap();
    let mut found = Vec::new();
    for entry in std::fs::read_dir("/proc/self/fd").unwrap() {
        let Ok(number) = entry.unwrap().file_name().to_string_lossy().parse::<i32>() else {
            continue;
        };
        // The descriptor may have closed since the listing: skip it.
        let Ok(fd) = pidfd_getfd(&me, number, PidfdGetfdFlags::empty()) else {
            continue;
        };
        let Ok(Some(peer)) = getpeername(&fd) else {
            continue;
        };
        if std::net::SocketAddr::try_from(peer).map(|addr| addr.port()) != Ok(port) {
            continue;
        }
        found.push((number, sockopt::tcp_nodelay(&fd).unwrap()));
    }
    found
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn postgres_connections_send_without_delay() {
    let Some(db) = crate::support::postgres().await else {
        return;
    };
    // Several reads at once, so the pool opens more than one connection.
    let (a, b, c) = tokio::join!(db.store.head(), db.store.head(), db.store.head());
    for head in [a, b, c] {
        head.unwrap();
    }
    let options = PgConnectOptions::from_str(&db.url).unwrap();
    let port = options.get_port();
    // The probe sees a socket without the option: one opened here.
    let plain = std::net::TcpStream::connect((options.get_host(), port)).unwrap();
    plain.set_nodelay(false).unwrap();
    let seen = sockets_to(port);
    assert!(
        seen.contains(&(plain.as_raw_fd(), false)),
        "the probe missed a socket without TCP_NODELAY: {seen:?}"
    );
    drop(plain);
    let sockets = sockets_to(port);
    assert!(!sockets.is_empty(), "no connection to port {port} found");
    // Other tests of this process connect meanwhile, and a connection
    // being opened has its socket a moment before the option is set: a
    // socket counts only if it stays without the option over three looks.
    let mut delayed: Vec<i32> = sockets
        .iter()
        .filter(|(_, nodelay)| !nodelay)
        .map(|(fd, _)| *fd)
        .collect();
    for _ in 0..2 {
        if delayed.is_empty() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
        let again = sockets_to(port);
        delayed.retain(|fd| again.contains(&(*fd, false)));
    }
    assert!(
        delayed.is_empty(),
        "PostgreSQL connections without TCP_NODELAY (fds {delayed:?}): every message over one \
         TCP segment waits for a delayed acknowledgement"
    );
}
