//! Whole-path figure for batch deletes: 1,000 tags through the real client, over HTTP, against
//! the emulator answering every request after 20 ms, with the default concurrency (8) and with 1.
//! Run: `cargo bench --bench delete`. Prints the times, their ratio, and the emulator's peak
//! number of requests in flight (which must not exceed the concurrency).

use std::sync::Arc;
use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};

use swr_tui::emulator::{DEMO_PROJECT_ID, DEMO_REGION, Emulator, EmulatorConfig, Seed};
use swr_tui::swr::{ClientConfig, Credentials, SwrClient};
use swr_tui::worker::{DEFAULT_CONCURRENCY, delete};

const TAGS: usize = 1000;
const LATENCY: Duration = Duration::from_millis(20);

fn seed() -> Seed {
    let tags: Vec<_> = (0..TAGS)
        .map(|i| serde_json::json!({"tag": format!("t{i:04}")}))
        .collect();
    let json = serde_json::json!({"namespaces": [{"name": "bench", "repos": [{"name": "app", "is_public": false, "tags": tags}]}]});
    match Seed::from_json(&json.to_string()) {
        Ok(seed) => seed,
        Err(e) => panic!("bench seed: {e}"),
    }
}

/// Deletes every tag with `concurrency`; returns the time taken and the peak in flight.
async fn run(concurrency: usize) -> (Duration, u64, usize) {
    let config = EmulatorConfig {
        seed: seed(),
        latency: LATENCY,
        ..EmulatorConfig::empty()
    };
    let emu = match Emulator::start(([127, 0, 0, 1], 0).into(), config).await {
        Ok(emu) => emu,
        Err(e) => panic!("emulator: {e}"),
    };
    let mut client_config = ClientConfig::with_endpoints(DEMO_REGION, &emu.url(), &emu.url());
    client_config.project_id = Some(DEMO_PROJECT_ID.into());
    let client = match SwrClient::new(
        client_config,
        Credentials::aksk(
            swr_tui::emulator::DEMO_ACCESS_KEY,
            swr_tui::emulator::DEMO_SECRET_KEY,
        ),
    ) {
        Ok(c) => c,
        Err(e) => panic!("client: {e}"),
    };
    let tags: Vec<String> = (0..TAGS).map(|i| format!("t{i:04}")).collect();
    let mut failures = 0;
    let started = Instant::now();
    delete::run(
        tags,
        concurrency,
        Arc::new(AtomicBool::new(false)),
        |tag: String| {
            let client = client.clone();
            async move { client.delete_tag("bench", "app", &tag).await }
        },
        |_, result| failures += usize::from(result.is_err()),
    )
    .await;
    let elapsed = started.elapsed();
    let stats = emu.stats();
    let left = emu
        .snapshot()
        .orgs
        .get("bench")
        .map_or(0, |o| o.repos.get("app").map_or(0, |r| r.tags.len()));
    assert_eq!(left, 0, "every tag deleted");
    emu.shutdown().await;
    (elapsed, stats.peak_in_flight, failures)
}

fn main() {
    // `cargo test --benches` passes `--bench`-less arguments; only run when benchmarking.
    if !std::env::args().any(|a| a == "--bench") {
        return;
    }
    let runtime = match tokio::runtime::Runtime::new() {
        Ok(r) => r,
        Err(e) => panic!("runtime: {e}"),
    };
    let (serial, serial_peak, serial_failed) = runtime.block_on(run(1));
    let (parallel, parallel_peak, parallel_failed) = runtime.block_on(run(DEFAULT_CONCURRENCY));
    println!(
        "delete {TAGS} tags, emulator latency {} ms",
        LATENCY.as_millis()
    );
    println!(
        "concurrency 1: {:>8.2} s  peak in flight {serial_peak}  failed {serial_failed}",
        serial.as_secs_f64()
    );
    println!(
        "concurrency {DEFAULT_CONCURRENCY}: {:>8.2} s  peak in flight {parallel_peak}  failed {parallel_failed}",
        parallel.as_secs_f64()
    );
    println!(
        "speed-up: {:.1}x",
        serial.as_secs_f64() / parallel.as_secs_f64()
    );
    assert!(
        parallel_peak <= DEFAULT_CONCURRENCY as u64,
        "never more than the configured requests in flight"
    );
}
