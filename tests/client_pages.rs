//! The client's page walks against the emulator over real HTTP: every tag exactly once, handed
//! over page by page as rows built on the fetching task, at most `page_concurrency` requests at
//! once. And the worker streams a tag list to the UI as pages, then one end message. (What a
//! hostile server cannot make the walks do is in `hostile_server.rs`.)

mod support;

use std::collections::BTreeSet;
use std::time::Duration;

use support::emulator::*;
use swr_tui::app::rows::{RepoRow, TagRow};
use swr_tui::app::{Fetch, Fetched, Msg};
use swr_tui::swr::client::PageAt;
use swr_tui::worker::Worker;

#[tokio::test]
async fn every_tag_once_page_by_page_with_bounded_concurrency() {
    let emu = start(config_with_seed(seed_with_tags(2_345))).await;
    emu.set_faults(0.0, None, Duration::from_millis(20));
    let mut config = client_config(&emu);
    config.page_size = 100;
    config.page_concurrency = 4;
    let client = client_with(config, demo_credentials());

    let mut pages: Vec<PageAt<TagRow>> = Vec::new();
    let count = client
        .each_tag_page("big", "team/web", |p| pages.push(p))
        .await
        .unwrap();
    assert_eq!(count, 2_345);
    assert_eq!(pages.len(), 24, "24 pages of at most 100");
    assert!(
        pages
            .iter()
            .all(|p| p.total == Some(2_345) && p.items.len() <= 100)
    );
    let mut offsets: Vec<u64> = pages.iter().map(|p| p.offset).collect();
    offsets.sort();
    assert_eq!(offsets, (0..24).map(|i| i * 100).collect::<Vec<_>>());
    let names: Vec<String> = pages
        .iter()
        .flat_map(|p| p.items.iter().map(|r| r.tag.clone()))
        .collect();
    let unique: BTreeSet<&String> = names.iter().collect();
    assert_eq!(
        (names.len(), unique.len()),
        (2_345, 2_345),
        "each tag exactly once"
    );
    // Rows come with what the list shows: sanitized names, digests as bytes, layers.
    let row = &pages[0].items[0];
    assert!(matches!(
        row.digest,
        swr_tui::app::digest::Digest::Sha256(_)
    ));
    assert!(!row.layers.is_empty());
    assert_eq!(row.hosts.internal.as_deref(), Some("10.125.0.198:20202"));
    // One request for the first page, then at most four at a time.
    assert!(
        emu.stats().peak_in_flight <= 4,
        "{:?}",
        emu.stats().peak_in_flight
    );
    assert!(
        emu.stats().peak_in_flight >= 2,
        "pages were fetched concurrently"
    );

    let repos: Vec<PageAt<RepoRow>> = {
        let mut out = Vec::new();
        client
            .each_repo_page(Some("big"), |p| out.push(p))
            .await
            .unwrap();
        out
    };
    let repo_names: BTreeSet<String> = repos
        .iter()
        .flat_map(|p| p.items.iter().map(|r| r.name.clone()))
        .collect();
    assert_eq!(
        repo_names,
        BTreeSet::from(["nginx".to_string(), "team/web".to_string()])
    );
}

#[tokio::test]
async fn the_worker_streams_pages_then_says_the_list_is_complete() {
    let emu = start(config_with_seed(seed_with_tags(1_234))).await;
    let mut config = client_config(&emu);
    config.page_size = 200;
    let client = client_with(config, demo_credentials());
    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel();
    let mut worker = Worker::new(client, tx, 8);
    worker.fetch(
        7,
        Fetch::Tags {
            org: "big".into(),
            repo: "team/web".into(),
        },
    );
    let mut rows = 0;
    let mut pages = 0;
    loop {
        let msg = tokio::time::timeout(Duration::from_secs(20), rx.recv())
            .await
            .expect("an answer in time")
            .expect("the worker is there");
        let Msg::Fetched {
            request: 7,
            result: Ok(Fetched::Tags(part)),
        } = msg
        else {
            panic!("unexpected {msg:?}");
        };
        rows += part.rows.len();
        if part.complete {
            assert!(part.rows.is_empty(), "the end carries no rows");
            assert_eq!(part.total, Some(1_234));
            break;
        }
        pages += 1;
        assert_eq!(part.total, Some(1_234));
    }
    assert_eq!((rows, pages), (1_234, 7));
}
