//! The binary's allocator: mimalloc rather than glibc's malloc (the
//! `mimalloc` feature, on by default; `--no-default-features` builds with
//! the system allocator).
//!
//! glibc kept what Argon2 (19 MiB blocks, once its mmap threshold has
//! risen past that size) and the rest of the work freed: `iiz serve --demo`
//! held ~315 MB of heap idle and ~430 MB resident after 100 sign-ins, on
//! SQLite and PostgreSQL alike, even with the hashes on a fixed pool. The
//! same binary with mimalloc, which returns freed pages to the system, held
//! 18–27 MB of heap idle and 92–104 MB resident after the sign-ins (a debug
//! build, ~66 MB of that its own code), with no less throughput
//! (docs/benchmarks.md, "Memory"; issue 18).
//!
//! mimalloc hands freed memory back to the system a second after it was
//! freed, but only when some thread allocates or collects later: after a
//! burst of sign-ins the threads that freed the Argon2 blocks and the
//! requests' memory go idle, and the process kept it (SQLite: 124 MB
//! resident after 100 sign-ins, 85 MB when mimalloc purges at once). A
//! thread of its own therefore collects twice a second; collecting purges
//! the freed ranges of the whole process and costs microseconds when there
//! is nothing to purge.

// The one place in the workspace that calls C: mimalloc's own interface.
#![allow(unsafe_code)]

#[cfg(feature = "mimalloc")]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// How often freed memory is handed back.
#[cfg(feature = "mimalloc")]
const COLLECT_EVERY: std::time::Duration = std::time::Duration::from_millis(500);

/// Starts the thread that hands freed memory back to the system.
pub fn return_freed_memory() {
    #[cfg(feature = "mimalloc")]
    {
        let started = std::thread::Builder::new()
            .name("allocator".to_owned())
            .spawn(|| {
                loop {
                    std::thread::sleep(COLLECT_EVERY);
                    collect();
                }
            });
        if let Err(error) = started {
            // The process works without it, only holds more memory.
            tracing::warn!(%error, "the allocator's collecting thread did not start");
        }
    }
}

/// Purges the memory freed anywhere in the process, due or not.
#[cfg(feature = "mimalloc")]
fn collect() {
    // SAFETY: `mi_collect` takes no pointers and may be called from any
    // thread at any time; it only releases memory no allocation uses.
    unsafe { libmimalloc_sys::mi_collect(true) }
}
