//! Password hashing and checking (Argon2: 19 MiB of memory and tens of
//! milliseconds of CPU each, on purpose) on a few dedicated threads, as
//! many as the machine has cores.
//!
//! On tokio's blocking pool each sign-in could land on another of up to
//! 512 threads, and the allocator keeps the memory each thread used: a
//! fresh `iiz serve` grew from 21 MB to 243 MB after the demo's sign-ins
//! (issue 18). On a fixed pool the hashes queue instead of running dozens
//! at once, which would not finish sooner on a machine with few cores, and
//! only the pool's threads ever hold an Argon2 block.

use std::num::NonZeroUsize;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Mutex, OnceLock};

use crate::AppError;

type Job = Box<dyn FnOnce() + Send>;

/// How many hashes run at once: the cores the process may use.
pub fn workers() -> usize {
    std::thread::available_parallelism().map_or(2, NonZeroUsize::get)
}

fn queue() -> Result<&'static Mutex<Sender<Job>>, AppError> {
    static QUEUE: OnceLock<Option<Mutex<Sender<Job>>>> = OnceLock::new();
    QUEUE
        .get_or_init(start)
        .as_ref()
        .ok_or_else(|| AppError::Internal("no password worker could start".to_owned()))
}

/// Starts the workers; none when the system refuses every thread.
fn start() -> Option<Mutex<Sender<Job>>> {
    let (sender, receiver) = channel::<Job>();
    let receiver = Arc::new(Mutex::new(receiver));
    let mut started = 0;
    for index in 0..workers() {
        let receiver = Arc::clone(&receiver);
        let spawned = std::thread::Builder::new()
            .name(format!("password-{index}"))
            .spawn(move || work(&receiver));
        match spawned {
            Ok(_) => started += 1,
            Err(error) => tracing::error!(%error, "a password worker did not start"),
        }
    }
    (started > 0).then(|| Mutex::new(sender))
}

fn work(receiver: &Mutex<Receiver<Job>>) {
    loop {
        let job = match receiver.lock() {
            Ok(receiver) => receiver.recv(),
            Err(poisoned) => poisoned.into_inner().recv(),
        };
        let Ok(job) = job else {
            return;
        };
        // A panicking job must not take the worker with it; its caller
        // learns of it from the dropped reply.
        if catch_unwind(AssertUnwindSafe(job)).is_err() {
            tracing::error!("a password job panicked");
        }
    }
}

/// Runs `task` on a password worker and waits for it without blocking
/// the async workers.
pub(crate) async fn run<T: Send + 'static>(
    task: impl FnOnce() -> T + Send + 'static,
) -> Result<T, AppError> {
    let (reply, answer) = tokio::sync::oneshot::channel();
    let job: Job = Box::new(move || {
        // The caller may have gone (a closed request): nothing to tell.
        let _ = reply.send(task());
    });
    {
        let sender = match queue()?.lock() {
            Ok(sender) => sender,
            Err(poisoned) => poisoned.into_inner(),
        };
        sender
            .send(job)
            .map_err(|_| AppError::Internal("the password workers stopped".to_owned()))?;
    }
    answer
        .await
        .map_err(|_| AppError::Internal("a password task failed".to_owned()))
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::time::Duration;

    use super::*;

    #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
    async fn no_more_hashes_run_at_once_than_there_are_workers() {
        static RUNNING: AtomicUsize = AtomicUsize::new(0);
        static MOST: AtomicUsize = AtomicUsize::new(0);
        let tasks: Vec<_> = (0..4 * workers())
            .map(|n| {
                tokio::spawn(run(move || {
                    let now = RUNNING.fetch_add(1, Ordering::SeqCst) + 1;
                    MOST.fetch_max(now, Ordering::SeqCst);
                    std::thread::sleep(Duration::from_millis(20));
                    RUNNING.fetch_sub(1, Ordering::SeqCst);
                    n * 2
                }))
            })
            .collect();
        for (n, task) in tasks.into_iter().enumerate() {
            assert_eq!(task.await.unwrap().unwrap(), n * 2);
        }
        let most = MOST.load(Ordering::SeqCst);
        assert!(
            most <= workers(),
            "{most} ran at once on {} workers",
            workers()
        );
        assert!(most >= 1);
    }

    #[tokio::test]
    async fn a_panicking_task_is_an_error_and_the_workers_go_on() {
        let failed = run(|| -> u8 { panic!("test") }).await;
        assert!(matches!(failed, Err(AppError::Internal(_))));
        for _ in 0..2 * workers() {
            assert_eq!(run(|| 7).await.unwrap(), 7);
        }
    }
}
