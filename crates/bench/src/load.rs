//! Loading a stream the way a command handler does before deciding:
//! `read_stream(stream, 0)`, timed one load at a time.

use std::future::Future;
use std::time::{Duration, Instant};

use anyhow::{Context, bail};
use hdrhistogram::Histogram;
use iiz_store::{
    AppendRequest, EventMetadata, EventStore, ExpectedVersion, NoProjection, Store, StreamRef,
};

use crate::append::{STREAM_TYPE, TENANT, event};
use crate::timing::{Timing, millis};

/// Latencies in microseconds.
#[derive(Debug, Clone, Copy)]
pub struct Latency {
    pub median_us: u64,
    pub p99_us: u64,
}

impl Latency {
    pub fn median(&self) -> String {
        millis(self.median_us)
    }

    pub fn p99(&self) -> String {
        millis(self.p99_us)
    }
}

/// Runs `load` for `warmup` without recording, then `loads` times recording
/// each duration.
pub async fn measure_latency<F, Fut>(
    warmup: Duration,
    loads: usize,
    load: F,
) -> anyhow::Result<Latency>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = anyhow::Result<()>>,
{
    measure_latency_after(warmup, loads, || async { Ok(()) }, load).await
}

/// [`measure_latency`] with `setup` run before each load, untimed (a
/// change the load must then see).
pub async fn measure_latency_after<S, SFut, F, Fut>(
    warmup: Duration,
    loads: usize,
    mut setup: S,
    mut load: F,
) -> anyhow::Result<Latency>
where
    S: FnMut() -> SFut,
    SFut: Future<Output = anyhow::Result<()>>,
    F: FnMut() -> Fut,
    Fut: Future<Output = anyhow::Result<()>>,
{
    let warm_until = Instant::now() + warmup;
    while Instant::now() < warm_until {
        setup().await?;
        load().await?;
    }
    // 1 µs to 60 s with three significant digits.
    let mut histogram = Histogram::<u64>::new_with_bounds(1, 60_000_000, 3)
        .context("create the latency histogram")?;
    for _ in 0..loads {
        setup().await?;
        let started = Instant::now();
        load().await?;
        let micros = u64::try_from(started.elapsed().as_micros()).unwrap_or(u64::MAX);
        histogram.saturating_record(micros.max(1));
    }
    Ok(Latency {
        median_us: histogram.value_at_quantile(0.5),
        p99_us: histogram.value_at_quantile(0.99),
    })
}

/// Appends `events` events one command at a time to a new stream.
pub async fn prepare_stream(store: &Store, events: usize) -> anyhow::Result<StreamRef> {
    let stream = StreamRef::new(TENANT, STREAM_TYPE, "load-100");
    for version in 0..events {
        let version = u64::try_from(version)?;
        store
            .append(
                AppendRequest {
                    stream: stream.clone(),
                    expected: ExpectedVersion::Exact(version),
                    events: vec![event(version)],
                    metadata: EventMetadata::new("bench"),
                },
                &NoProjection,
            )
            .await
            .context("append to the stream to load")?;
    }
    Ok(stream)
}

/// Latency of `read_stream(stream, 0)` on a stream of `events` events.
pub async fn store_load_latency(
    store: &Store,
    stream: &StreamRef,
    timing: Timing,
    loads: usize,
    events: usize,
) -> anyhow::Result<Latency> {
    measure_latency(timing.warmup, loads, || async move {
        let loaded = store
            .read_stream(stream, 0)
            .await
            .context("read_stream")?
            .len();
        if loaded != events {
            bail!("read_stream returned {loaded} events, expected {events}");
        }
        Ok(())
    })
    .await
}
