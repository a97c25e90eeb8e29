//! Running concurrent workers for a fixed time and turning their counts into
//! rates; and the few formatting helpers every section shares.

use std::future::Future;
use std::time::{Duration, Instant};

use anyhow::Context;

/// How long each measurement runs.
#[derive(Debug, Clone, Copy)]
pub struct Timing {
    /// Work done before counting starts (connections, caches, JIT of plans).
    pub warmup: Duration,
    /// How long the counted part lasts.
    pub duration: Duration,
}

/// One measurement's time window: workers run from its creation until
/// `until`; only work completed after `counted_from` counts.
#[derive(Debug, Clone, Copy)]
pub struct Window {
    counted_from: Instant,
    until: Instant,
}

impl Window {
    pub fn start(timing: Timing) -> Self {
        let now = Instant::now();
        let counted_from = now + timing.warmup;
        Self {
            counted_from,
            until: counted_from + timing.duration,
        }
    }

    /// Whether a worker should start another operation.
    pub fn running(&self) -> bool {
        Instant::now() < self.until
    }

    /// Adds `units` to `counter` if the operation that just completed falls
    /// inside the counted part of the window.
    pub fn record(&self, counter: &mut u64, units: u64) {
        let now = Instant::now();
        if now >= self.counted_from && now <= self.until {
            *counter += units;
        }
    }

    fn counted_seconds(&self) -> f64 {
        (self.until - self.counted_from).as_secs_f64()
    }
}

/// Runs `workers` tasks made by `make(index, window)`, each returning how many
/// units it completed inside the window, and returns units per second.
pub async fn rate<F, Fut>(timing: Timing, workers: usize, make: F) -> anyhow::Result<f64>
where
    F: Fn(usize, Window) -> Fut,
    Fut: Future<Output = anyhow::Result<u64>> + Send + 'static,
{
    let window = Window::start(timing);
    let tasks: Vec<_> = (0..workers)
        .map(|index| tokio::spawn(make(index, window)))
        .collect();
    let mut total = 0;
    for task in tasks {
        total += task.await.context("benchmark worker panicked")??;
    }
    Ok(total as f64 / window.counted_seconds())
}

/// A rate with thousands separators, e.g. `12 345/s`.
pub fn per_second(rate: f64, unit: &str) -> String {
    format!("{} {unit}/s", thousands(rate.round() as u64))
}

fn thousands(value: u64) -> String {
    let digits = value.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            out.push(' ');
        }
        out.push(digit);
    }
    out
}

/// `part / whole` as a percentage.
pub fn percent(part: f64, whole: f64) -> String {
    if whole > 0.0 {
        format!("{:.0} %", 100.0 * part / whole)
    } else {
        "—".to_owned()
    }
}

/// A latency in milliseconds from microseconds.
pub fn millis(micros: u64) -> String {
    format!("{:.2} ms", micros as f64 / 1000.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_numbers() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1000), "1 000");
        assert_eq!(thousands(1_234_567), "1 234 567");
        assert_eq!(per_second(1234.4, "events"), "1 234 events/s");
        assert_eq!(percent(85.0, 100.0), "85 %");
        assert_eq!(percent(1.0, 0.0), "—");
        assert_eq!(millis(1500), "1.50 ms");
    }

    /// No wall-clock assertion (a loaded CI machine makes any bound
    /// flaky): the window's arithmetic is checked with times far apart.
    #[test]
    fn only_work_inside_the_counted_window_counts() {
        let mut done = 0;
        let warming = Window::start(Timing {
            warmup: Duration::from_secs(3600),
            duration: Duration::from_secs(1),
        });
        warming.record(&mut done, 5);
        assert_eq!(done, 0, "work during the warm-up is not counted");
        let counting = Window::start(Timing {
            warmup: Duration::ZERO,
            duration: Duration::from_secs(3600),
        });
        assert!(counting.running());
        counting.record(&mut done, 5);
        assert_eq!(done, 5);
    }

    #[tokio::test]
    async fn rates_divide_by_the_counted_time_only() {
        let timing = Timing {
            warmup: Duration::from_secs(7),
            duration: Duration::from_secs(4),
        };
        // Two workers report 10 units each; the warm-up does not dilute
        // the rate: 20 units over 4 counted seconds.
        let rate = rate(timing, 2, |_, _| async { Ok(10) }).await.unwrap();
        assert!((rate - 5.0).abs() < 1e-9, "rate {rate}");
    }
}
