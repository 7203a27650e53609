//! The client's page walks against the emulator over real HTTP: every tag exactly once, handed
//! over page by page as rows built on the fetching task, at most `page_concurrency` requests at
//! once; a page too large is refused; a redirect is not followed. And the worker streams a
//! tag list to the UI as pages, then one end message.

mod common;

use std::collections::BTreeSet;
use std::time::Duration;

use axum::http::{StatusCode, header};
use axum::response::IntoResponse;
use common::*;
use swr_tui::app::rows::{RepoRow, TagRow};
use swr_tui::app::{Fetch, Fetched, Msg};
use swr_tui::swr::ApiError;
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
async fn a_page_larger_than_the_cap_is_refused_not_held() {
    let emu = start(config_with_seed(seed_with_tags(50))).await;
    let mut config = client_config(&emu);
    config.max_body_bytes = 10_000; // 50 tags with manifests are about 55 KB
    let client = client_with(config, demo_credentials());
    let error = client.list_all_tags("big", "team/web").await.unwrap_err();
    assert!(matches!(error, ApiError::Decode(_)), "{error:?}");
    assert!(error.to_string().contains("larger than"), "{error}");
    // Small answers still pass.
    assert_eq!(client.list_namespaces().await.unwrap().len(), 2);
}

#[tokio::test]
async fn a_redirect_is_not_followed() {
    let emu = start(config_with_seed(seed_with_tags(3))).await;
    // A server that sends every request to the emulator.
    let target = emu.url();
    let app = axum::Router::new().fallback(move || {
        let location = format!("{target}/v2/manage/namespaces");
        async move { (StatusCode::FOUND, [(header::LOCATION, location)]).into_response() }
    });
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app).await });
    let mut config = client_config(&emu);
    config.endpoint = url;
    let client = client_with(config, demo_credentials());
    let error = client.list_namespaces().await.unwrap_err();
    assert_eq!(error.status(), Some(302), "{error:?}");
    assert_eq!(emu.stats().requests, 0, "nothing reached the emulator");
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

/// The tag-list messages that arrive within `wait`, with their request ids.
async fn messages(
    rx: &mut tokio::sync::mpsc::UnboundedReceiver<Msg>,
    wait: Duration,
) -> Vec<(u64, swr_tui::app::Rows<TagRow>)> {
    let mut out = Vec::new();
    let deadline = tokio::time::Instant::now() + wait;
    while let Ok(Some(msg)) = tokio::time::timeout_at(deadline, rx.recv()).await {
        if let Msg::Fetched {
            request,
            result: Ok(Fetched::Tags(part)),
        } = msg
        {
            out.push((request, part));
        }
    }
    out
}

#[tokio::test]
async fn a_load_whose_view_was_left_stops_asking() {
    // 30 pages, 2 at a time, 150 ms each: a whole walk takes about 2.4 s.
    let emu = start(config_with_seed(seed_with_tags(3_000))).await;
    emu.set_faults(0.0, None, Duration::from_millis(150));
    let mut config = client_config(&emu);
    config.page_size = 100;
    config.page_concurrency = 2;
    let client = client_with(config, demo_credentials());
    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel();
    let mut worker = Worker::new(client, tx, 8);
    let tags = || Fetch::Tags {
        org: "big".into(),
        repo: "team/web".into(),
    };
    // A second load of the tags replaces the first; then the view is left (cancelled).
    worker.fetch(1, tags());
    let mut seen = messages(&mut rx, Duration::from_millis(400)).await;
    worker.fetch(2, tags());
    seen.extend(messages(&mut rx, Duration::from_millis(400)).await);
    worker.cancel_fetch(2);
    seen.extend(messages(&mut rx, Duration::from_millis(300)).await);
    let asked = emu.stats().requests;
    // Long enough for either walk to have finished had it gone on.
    seen.extend(messages(&mut rx, Duration::from_millis(3_000)).await);
    assert_eq!(
        emu.stats().requests,
        asked,
        "nothing asked after the cancel"
    );
    assert!(
        seen.iter().any(|(r, _)| *r == 1),
        "the first load had begun"
    );
    assert!(
        seen.iter().all(|(_, part)| !part.complete),
        "neither load completed: {:?}",
        seen.iter()
            .map(|(r, p)| (*r, p.rows.len(), p.complete))
            .collect::<Vec<_>>()
    );
    let rows: usize = seen.iter().map(|(_, p)| p.rows.len()).sum();
    assert!(rows < 3_000, "{rows} rows came: the walks stopped early");
}
