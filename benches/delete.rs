//! Whole-path figures for batch deletes, through the real client over HTTP against the emulator:
//! 1,000 tags answered after 20 ms each, with the default concurrency (8) and with 1; and
//! 10,000 tags marked by a pattern in a 100,000-tag repository, confirmed and deleted with every
//! result going through `update()` as in the UI, timing the model's share of the work.
//! Run: `cargo bench --bench delete`. Prints the times, their ratio, and the emulator's peak
//! number of requests in flight (which must not exceed the concurrency).

use std::time::{Duration, Instant};

use swr_tui::emulator::{DEMO_PROJECT_ID, DEMO_REGION, Emulator, EmulatorConfig, Seed};
use swr_tui::swr::{ClientConfig, Credentials, SwrClient};
use swr_tui::worker::DEFAULT_CONCURRENCY;
use swr_tui::worker::delete::{self, Steer};
use tokio::sync::watch;

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

/// The emulator with `seed`, answering after `latency`, and a client of it.
async fn start(seed: Seed, latency: Duration) -> (Emulator, SwrClient) {
    let config = EmulatorConfig {
        seed,
        latency,
        ..EmulatorConfig::empty()
    };
    let emu = match Emulator::start(([127, 0, 0, 1], 0).into(), config).await {
        Ok(emu) => emu,
        Err(e) => panic!("emulator: {e}"),
    };
    let mut client_config = ClientConfig::with_endpoints(DEMO_REGION, &emu.url(), &emu.url());
    client_config.project_id = Some(DEMO_PROJECT_ID.into());
    let credentials = Credentials::aksk(
        swr_tui::emulator::DEMO_ACCESS_KEY,
        swr_tui::emulator::DEMO_SECRET_KEY,
    );
    match SwrClient::new(client_config, credentials) {
        Ok(client) => (emu, client),
        Err(e) => panic!("client: {e}"),
    }
}

/// Deletes every tag with `concurrency`; returns the time taken and the peak in flight.
async fn run(concurrency: usize) -> (Duration, u64, usize) {
    let (emu, client) = start(seed(), LATENCY).await;
    let tags: Vec<String> = (0..TAGS).map(|i| format!("t{i:04}")).collect();
    let mut failures = 0;
    let started = Instant::now();
    delete::run(
        tags,
        concurrency,
        watch::channel(Steer::Go).1,
        |tag: String| {
            let client = client.clone();
            async move {
                delete::delete_confirmed(&client, delete::Item::shared_tag("bench", "app", &tag))
                    .await
            }
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

/// 10,000 of 100,000 tags: marked with `m` (glob), `d`, `y`; each result into `update()`.
async fn big_batch() {
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    use swr_tui::app::rows::TagRow;
    use swr_tui::app::{Cmd, Context, Fetched, Model, Msg, Rows, init, update};
    use swr_tui::swr::model::{Namespace, RepoV2};

    const ALL: usize = 100_000;
    let tags: Vec<_> = (0..ALL)
        .map(|i| serde_json::json!({"tag": format!("build-{i:06}")}))
        .collect();
    let json = serde_json::json!({"namespaces": [{"name": "bench", "repos": [{"name": "app", "tags": tags}]}]});
    let seed: Seed = match serde_json::from_str(&json.to_string()) {
        Ok(seed) => seed,
        Err(e) => panic!("bench seed: {e}"),
    };
    let (emu, client) = start(seed, Duration::ZERO).await;
    let key = |c: KeyCode| Msg::Key(KeyEvent::new(c, KeyModifiers::NONE));
    let answer = |m: &mut Model, cmds: Vec<Cmd>, result: Fetched| {
        if let Some(Cmd::Fetch { request, .. }) = cmds.into_iter().next() {
            update(
                m,
                Msg::Fetched {
                    request,
                    result: Ok(result),
                },
            );
        }
    };
    let now = "2026-03-10T12:00:00Z".parse().unwrap_or_default();
    let mut m = Model::new(
        Context::default(),
        ratatui::layout::Rect::new(0, 0, 160, 45),
        now,
    );
    let cmds = init(&mut m);
    answer(
        &mut m,
        cmds,
        Fetched::Orgs(vec![Namespace {
            name: "bench".into(),
            auth: 7,
            ..Namespace::default()
        }]),
    );
    let cmds = update(&mut m, key(KeyCode::Enter));
    answer(
        &mut m,
        cmds,
        Fetched::repos(vec![RepoV2 {
            name: "app".into(),
            ..RepoV2::default()
        }]),
    );
    let cmds = update(&mut m, key(KeyCode::Enter));
    let mut pages: Vec<Vec<TagRow>> = Vec::new();
    if let Err(e) = client
        .each_tag_page("bench", "app", |p| pages.push(p.items))
        .await
    {
        panic!("list: {e}");
    }
    let request = match cmds.first() {
        Some(Cmd::Fetch { request, .. }) => *request,
        other => panic!("no fetch: {other:?}"),
    };
    for rows in pages {
        update(
            &mut m,
            Msg::Fetched {
                request,
                result: Ok(Fetched::Tags(Rows::page(rows, Some(ALL)))),
            },
        );
    }
    update(
        &mut m,
        Msg::Fetched {
            request,
            result: Ok(Fetched::Tags(Rows::end(ALL))),
        },
    );
    assert_eq!(m.panes.tags.len(), ALL);

    let mut in_update = Duration::ZERO;
    let mut longest = Duration::ZERO;
    let mut step = |m: &mut Model, msg: Msg| {
        let label: String = format!("{msg:?}").chars().take(40).collect();
        let started = Instant::now();
        let cmds = update(m, msg);
        let took = started.elapsed();
        in_update += took;
        longest = longest.max(took);
        if took > Duration::from_millis(5) {
            println!(
                "  step over 5 ms: {label}…: {:.1} ms",
                took.as_secs_f64() * 1000.0
            );
        }
        cmds
    };
    for c in "m1".chars() {
        step(&mut m, key(KeyCode::Char(c)));
    }
    for c in "build-00????".chars() {
        step(&mut m, key(KeyCode::Char(c)));
    }
    step(&mut m, key(KeyCode::Enter));
    assert_eq!(m.panes.tags.marked_count(), 10_000);
    step(&mut m, key(KeyCode::Char('d')));
    let (job, confirmed) = match step(&mut m, key(KeyCode::Char('y'))).into_iter().next() {
        Some(Cmd::DeleteTags { job, tags, .. }) => (job, tags),
        other => panic!("no delete job: {other:?}"),
    };
    assert_eq!(confirmed.len(), 10_000);
    let started = Instant::now();
    let mut results = Vec::with_capacity(confirmed.len());
    delete::run(
        confirmed,
        DEFAULT_CONCURRENCY,
        watch::channel(Steer::Go).1,
        |tag: String| {
            let client = client.clone();
            async move {
                delete::delete_confirmed(&client, delete::Item::shared_tag("bench", "app", &tag))
                    .await
            }
        },
        |tag, result| results.push((tag, result)),
    )
    .await;
    for (tag, result) in results {
        let result = result.map_err(|e| swr_tui::app::ErrorInfo::from(&e));
        step(&mut m, Msg::TagDeleted { job, tag, result });
    }
    step(&mut m, Msg::JobFinished { job, elapsed_ms: 0 });
    let elapsed = started.elapsed();
    let left = emu
        .snapshot()
        .orgs
        .get("bench")
        .map_or(0, |o| o.repos.get("app").map_or(0, |r| r.tags.len()));
    let gone_from_list = ALL - m.panes.tags.len();
    println!(
        "delete 10000 of {ALL} tags (marked by glob), emulator latency 0 ms, concurrency {DEFAULT_CONCURRENCY}"
    );
    println!(
        "{:.2} s in all; update() {:.1} ms for the 10,000 results and the rest, longest step {:.1} ms",
        elapsed.as_secs_f64(),
        in_update.as_secs_f64() * 1000.0,
        longest.as_secs_f64() * 1000.0
    );
    println!("left in the registry {left}, removed from the list {gone_from_list}");
    assert_eq!((left, gone_from_list), (ALL - 10_000, 10_000));
    emu.shutdown().await;
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
    runtime.block_on(big_batch());
}
