//! Following the log live: the in-process way for projections and the
//! notifier to see every event once, in log order, as it commits.

use std::collections::VecDeque;
use std::time::Duration;

use tokio::sync::watch;

use crate::EventStore;
use crate::error::StoreError;
use crate::event::{LogCursor, RecordedEvent};

/// First wait when committed events are held back by an open transaction;
/// it doubles up to the poll interval.
const HELD_BACK_FIRST_WAIT: Duration = Duration::from_millis(5);

/// A reader that tails the log from a cursor.
///
/// It wakes when this process appends and also polls, because other
/// instances append to the same database and, on PostgreSQL, an event only
/// becomes readable once every older transaction has ended.
#[derive(Debug)]
pub struct Subscription<S> {
    store: S,
    cursor: LogCursor,
    buffer: VecDeque<RecordedEvent>,
    wake: watch::Receiver<u64>,
    poll_interval: Duration,
    batch_size: usize,
}

impl<S: EventStore> Subscription<S> {
    pub fn new(store: S, after: LogCursor) -> Self {
        let wake = store.notifier().watch();
        Self {
            store,
            cursor: after,
            buffer: VecDeque::new(),
            wake,
            poll_interval: Duration::from_millis(250),
            batch_size: 1_000,
        }
    }

    #[must_use]
    pub fn with_poll_interval(mut self, interval: Duration) -> Self {
        self.poll_interval = interval;
        self
    }

    #[must_use]
    pub fn with_batch_size(mut self, size: usize) -> Self {
        self.batch_size = size.max(1);
        self
    }

    /// The cursor of the last event returned.
    pub fn cursor(&self) -> LogCursor {
        self.cursor
    }

    /// The next event, waiting for one if the log has none yet.
    pub async fn next(&mut self) -> Result<RecordedEvent, StoreError> {
        loop {
            if let Some(event) = self.buffer.pop_front() {
                self.cursor = event.cursor;
                return Ok(event);
            }
            self.fill().await?;
        }
    }

    /// All events available now (at least one), waiting if there are none.
    pub async fn next_batch(&mut self) -> Result<Vec<RecordedEvent>, StoreError> {
        if self.buffer.is_empty() {
            self.fill().await?;
        }
        let batch: Vec<RecordedEvent> = self.buffer.drain(..).collect();
        if let Some(last) = batch.last() {
            self.cursor = last.cursor;
        }
        Ok(batch)
    }

    /// The next events up to and including `head`, or `None` once the
    /// subscription has passed it: for readers that catch up with what has
    /// been committed (a replay) rather than wait for more.
    pub async fn next_batch_until(
        &mut self,
        head: LogCursor,
    ) -> Result<Option<Vec<RecordedEvent>>, StoreError> {
        if self.cursor >= head && self.buffer.is_empty() {
            return Ok(None);
        }
        let mut batch = self.next_batch().await?;
        // Events past the head are kept for the next call.
        if let Some(split) = batch.iter().position(|event| event.cursor > head) {
            let rest = batch.split_off(split);
            for event in rest.into_iter().rev() {
                self.buffer.push_front(event);
            }
            self.cursor = batch.last().map_or(self.cursor, |event| event.cursor);
        }
        if batch.is_empty() {
            return Ok(None);
        }
        Ok(Some(batch))
    }

    async fn fill(&mut self) -> Result<(), StoreError> {
        let mut held_back = HELD_BACK_FIRST_WAIT;
        loop {
            // Mark the current generation seen before reading, so an append
            // that lands after the read still wakes us.
            self.wake.borrow_and_update();
            let after = self.buffer.back().map_or(self.cursor, |event| event.cursor);
            let events = self.store.read_all(after, self.batch_size).await?;
            if !events.is_empty() {
                self.buffer.extend(events);
                return Ok(());
            }
            // Committed events the read did not return wait behind a
            // transaction still open somewhere (PostgreSQL's horizon): its
            // end sends no notification here, so look again soon rather
            // than after a whole poll interval.
            if self.store.head().await? > after {
                tokio::time::sleep(held_back).await;
                held_back = (held_back * 2).min(self.poll_interval);
                continue;
            }
            tokio::select! {
                changed = self.wake.changed() => {
                    if changed.is_err() {
                        tokio::time::sleep(self.poll_interval).await;
                    }
                }
                () = tokio::time::sleep(self.poll_interval) => {}
            }
        }
    }
}
