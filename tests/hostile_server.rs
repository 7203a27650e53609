//! Issue 10, items 13–20, proven against one hostile server (`tests/support/hostile.rs`): the
//! real client over loopback and, where the product's behaviour matters, the real model driven
//! through `update()` with a real worker answering from that server.
//!
//! | item | tests |
//! |---|---|
//! | 13 redirects | `a_redirect_is_not_followed_whatever_the_request_carries` |
//! | 14 lying totals, walks left | `a_lying_total_*`, `the_model_shows_the_real_tags_not_the_claimed_count`, `a_load_whose_view_was_left_stops_asking`, `leaving_for_another_organization_cancels_the_walk` |
//! | 15 copied commands | `shown::pull_commands_*`, `shown::the_login_command_*` |
//! | 17 non-ASCII digests | `shown::non_ascii_digests_are_cut_by_characters_not_bytes` |
//! | 18 body size | `an_answer_over_the_cap_is_refused_as_it_streams`, `the_iam_token_answer_is_capped_too`, `a_long_field_is_kept_exactly_and_drawn_cut` |
//! | 19 look-alike names | `shown::look_alike_names_are_marked_shown_and_deleted_apart` |
//! | 20 zero-width characters | `shown::zero_width_characters_shift_no_column_and_leave_no_stray_cell` |

mod support;

/// Items 15, 17, 19 and 20: what the product shows, copies and deletes.
#[path = "hostile_server/shown.rs"]
mod shown;

use std::time::Duration;

use axum::http::StatusCode;
use serde_json::Value;
use support::emulator::{client_config_for, client_with, demo_credentials};
use support::hostile::{Account, Behaviour, HostileServer, Session, tag_item};
use support::{KeyCode, Load, Model, Msg, Rect, assert_clean, context, draw, key, now, text};
use swr_tui::app::rows::{RepoRow, TagRow};
use swr_tui::app::{Cmd, Fetch, Fetched};
use swr_tui::swr::client::PageAt;
use swr_tui::swr::client::walk::MAX_WALK_ITEMS;
use swr_tui::swr::{ClientConfig, Credentials, Secret, SwrClient};
use swr_tui::worker::Worker;

const REGISTRY: &str = "swr.cn-north-4.myhuaweicloud.com";

fn sha(byte: u8) -> String {
    format!("sha256:{}", hex::encode([byte; 32]))
}

/// Organization `demo` (and `spare`) holding repository `web` with `tags`, and two empty ones.
fn account(tags: Vec<Value>) -> Account {
    Account {
        orgs: vec!["demo".into(), "spare".into()],
        repos: [("web", tags), ("api", Vec::new()), ("db", Vec::new())]
            .into_iter()
            .map(|(name, tags)| (name.to_string(), tags))
            .collect(),
        ..Account::default()
    }
}

fn three_tags() -> Vec<Value> {
    ["a", "b", "c"]
        .iter()
        .zip(1..)
        .map(|(name, i)| tag_item(name, &sha(i), ""))
        .collect()
}

async fn serve(account: Account) -> HostileServer {
    HostileServer::start(Behaviour::Account(account)).await
}

fn client_of(server: &HostileServer) -> SwrClient {
    client_with(client_config_for(&server.url()), demo_credentials())
}

/// The model at `width`x`height` with the tags of demo/`repo` loaded through `server`.
async fn session_in(server: &HostileServer, repo: &str, width: u16, height: u16) -> Session {
    let model = Model::new(context(), Rect::new(0, 0, width, height), now());
    let mut s = Session::new(model, client_of(server));
    s.start(|m| m.panes.orgs.load == Load::Loaded).await;
    s.send(key(KeyCode::Enter)); // demo comes first by name
    s.settle(|m| m.panes.repos.load == Load::Loaded).await;
    cursor_to(
        &mut s,
        |m| m.panes.repos.current().map(|r| r.raw().to_string()),
        repo,
    );
    s.send(key(KeyCode::Enter));
    s.settle(|m| m.panes.tags.load == Load::Loaded).await;
    s
}

/// Moves the cursor down until `current` names `want`.
fn cursor_to(s: &mut Session, current: impl Fn(&Model) -> Option<String>, want: &str) {
    s.send(key(KeyCode::Char('g')));
    for _ in 0..1_000 {
        if current(&s.model).as_deref() == Some(want) {
            return;
        }
        s.send(key(KeyCode::Char('j')));
    }
    panic!("no row {want:?}");
}

fn to_tag(s: &mut Session, raw: &str) {
    cursor_to(
        s,
        |m| m.panes.tags.current().map(|t| t.raw().to_string()),
        raw,
    );
}

// --- 13: redirects ---------------------------------------------------------------------------

#[tokio::test]
async fn a_redirect_is_not_followed_whatever_the_request_carries() {
    for status in [StatusCode::FOUND, StatusCode::TEMPORARY_REDIRECT] {
        let elsewhere = serve(account(three_tags())).await;
        let redirector = HostileServer::start(Behaviour::Redirect {
            status,
            to: elsewhere.url(),
        })
        .await;
        let credentials = [
            Credentials::AkSk {
                access_key: swr_tui::emulator::DEMO_ACCESS_KEY.into(),
                secret_key: Secret::new(swr_tui::emulator::DEMO_SECRET_KEY),
                security_token: Some(Secret::new("THE-SECURITY-TOKEN")),
            },
            Credentials::Token(Secret::new("THE-AUTH-TOKEN")),
            Credentials::Password {
                domain: "acme".into(),
                user: "alice".into(),
                password: Secret::new("THE-PASSWORD"),
            },
        ];
        for credentials in credentials {
            // SWR and IAM both answer from the redirector.
            let client = client_with(client_config_for(&redirector.url()), credentials);
            let list = client.list_namespaces().await.unwrap_err();
            assert_eq!(list.status(), Some(status.as_u16()), "{list:?}");
            let create = client.create_namespace("made-elsewhere").await.unwrap_err();
            assert_eq!(create.status(), Some(status.as_u16()), "{create:?}");
        }
        // What was sent carried every kind of credential...
        let seen = redirector.seen();
        let header = |name: &str, value: &str| {
            seen.iter()
                .any(|s| s.headers.get(name).is_some_and(|v| v == value))
        };
        assert!(header("x-security-token", "THE-SECURITY-TOKEN"));
        assert!(header("x-auth-token", "THE-AUTH-TOKEN"));
        assert!(seen.iter().any(|s| s.path == "/v3/auth/tokens"
            && String::from_utf8_lossy(&s.body).contains("THE-PASSWORD")));
        // ...and none of it went where the redirect pointed.
        assert_eq!(
            elsewhere.requests(),
            0,
            "{status}: the redirect was followed: {:?}",
            elsewhere.seen()
        );
    }
}

// --- 14: lying totals, walks left behind -----------------------------------------------------

/// `walk`'s result, which must come within ten seconds: what a lie could stretch must fail,
/// not hang the test run.
async fn in_time<T>(walk: impl Future<Output = T>) -> T {
    tokio::time::timeout(Duration::from_secs(10), walk)
        .await
        .expect("the walk ends in time")
}

fn names<T>(pages: &[PageAt<T>], name: impl Fn(&T) -> String) -> Vec<String> {
    let mut all: Vec<String> = pages
        .iter()
        .flat_map(|p| p.items.iter().map(&name))
        .collect();
    all.sort();
    all
}

#[tokio::test]
async fn a_lying_total_ends_with_the_real_tags_at_once() {
    // Claimed in `Content-Range` (tags) and in every item's `total_range` (repositories).
    let claims = [
        "18446744073709551615",
        "10000000000",
        "1000000",
        "1e10",
        "99999999999999999999",
    ];
    for claim in claims {
        let server = serve(Account {
            claimed_total: Some(claim.into()),
            ..account(three_tags())
        })
        .await;
        let client = client_of(&server);
        let mut pages: Vec<PageAt<TagRow>> = Vec::new();
        let count = in_time(client.each_tag_page("demo", "web", |p| pages.push(p)))
            .await
            .unwrap_or_else(|e| panic!("{claim}: {e}"));
        assert_eq!(count, 3, "{claim}");
        assert_eq!(names(&pages, |t| t.tag.clone()), ["a", "b", "c"], "{claim}");
        let mut repos: Vec<PageAt<RepoRow>> = Vec::new();
        in_time(client.each_repo_page(Some("demo"), |p| repos.push(p)))
            .await
            .unwrap_or_else(|e| panic!("{claim}: {e}"));
        assert_eq!(names(&repos, |r| r.name.clone()), ["api", "db", "web"]);
        assert_eq!(
            server.requests(),
            2,
            "{claim}: one short page each, nothing more"
        );
    }
}

#[tokio::test]
async fn a_lying_total_over_full_pages_is_bounded_by_what_pages_return() {
    // Pages of 2: the first is full, so the claim is believed until a page runs short.
    let server = serve(Account {
        claimed_total: Some("1000000".into()),
        ..account(three_tags())
    })
    .await;
    let mut config = client_config_for(&server.url());
    config.page_size = 2;
    let client = client_with(config.clone(), demo_credentials());
    let mut pages: Vec<PageAt<TagRow>> = Vec::new();
    let count = in_time(client.each_tag_page("demo", "web", |p| pages.push(p)))
        .await
        .unwrap();
    assert_eq!(
        (count, names(&pages, |t| t.tag.clone())),
        (3, vec!["a".into(), "b".into(), "c".into()])
    );
    // The first page, then at most one round of concurrent pages before the short one is seen.
    let asked = server.requests();
    assert!(
        asked <= 1 + config.page_concurrency,
        "{asked} pages asked for"
    );

    // A claim over the cap with a full first page is refused there, one request in.
    let server = serve(Account {
        claimed_total: Some(u64::MAX.to_string()),
        ..account(three_tags())
    })
    .await;
    let mut config = client_config_for(&server.url());
    config.page_size = 2;
    let error = client_with(config, demo_credentials())
        .list_all_tags("demo", "web")
        .await
        .unwrap_err();
    assert!(
        error
            .to_string()
            .contains(&format!("at most {MAX_WALK_ITEMS}")),
        "{error}"
    );
    assert_eq!(server.requests(), 1);
}

#[tokio::test]
async fn the_model_shows_the_real_tags_not_the_claimed_count() {
    let server = serve(Account {
        claimed_total: Some(u64::MAX.to_string()),
        ..account(three_tags())
    })
    .await;
    let s = session_in(&server, "web", 80, 24).await;
    assert_eq!(s.model.panes.tags.len(), 3);
    let screen = text(&draw(&s.model));
    assert!(screen.contains("Tags (3)"), "{screen}");
    assert!(!screen.contains("18446744073709551615"), "{screen}");
}

/// Tag-list messages that arrive within `wait`, with their request ids.
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

/// `web` claims a million tags and never runs short: 150 ms a page, pages always full.
async fn endless() -> HostileServer {
    serve(Account {
        endless: Some(("web".into(), Duration::from_millis(150))),
        ..account(Vec::new())
    })
    .await
}

fn small_pages(server: &HostileServer) -> ClientConfig {
    let mut config = client_config_for(&server.url());
    config.page_size = 100;
    config.page_concurrency = 2;
    config
}

#[tokio::test]
async fn a_load_whose_view_was_left_stops_asking() {
    let server = endless().await;
    let client = client_with(small_pages(&server), demo_credentials());
    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel();
    let mut worker = Worker::new(client, tx, 8);
    let tags = || Fetch::Tags {
        org: "demo".into(),
        repo: "web".into(),
    };
    // A second load of the tags replaces the first; then the view is left (cancelled).
    worker.fetch(1, tags());
    let mut seen = messages(&mut rx, Duration::from_millis(400)).await;
    worker.fetch(2, tags());
    seen.extend(messages(&mut rx, Duration::from_millis(400)).await);
    worker.cancel_fetch(2);
    seen.extend(messages(&mut rx, Duration::from_millis(300)).await);
    let asked = server.requests();
    seen.extend(messages(&mut rx, Duration::from_millis(1_500)).await);
    assert_eq!(server.requests(), asked, "nothing asked after the cancel");
    assert!(
        seen.iter().any(|(r, _)| *r == 1),
        "the first load had begun"
    );
    assert!(
        seen.iter().any(|(r, _)| *r == 2),
        "the second load had begun"
    );
    assert!(
        seen.iter().all(|(_, part)| !part.complete),
        "neither load completed"
    );
}

#[tokio::test]
async fn leaving_for_another_organization_cancels_the_walk() {
    let server = endless().await;
    let model = Model::new(context(), Rect::new(0, 0, 80, 24), now());
    let mut s = Session::new(model, client_with(small_pages(&server), demo_credentials()));
    s.start(|m| m.panes.orgs.load == Load::Loaded).await;
    s.send(key(KeyCode::Enter));
    s.settle(|m| m.panes.repos.load == Load::Loaded).await;
    cursor_to(
        &mut s,
        |m| m.panes.repos.current().map(|r| r.raw().to_string()),
        "web",
    );
    s.send(key(KeyCode::Enter));
    s.settle(|m| m.panes.tags.len() >= 200).await;
    assert!(matches!(s.model.panes.tags.load, Load::Loading { .. }));
    // To the organizations, the other one, open.
    s.press("1j");
    s.cmds.clear();
    s.send(key(KeyCode::Enter));
    assert!(
        s.cmds.iter().any(|c| matches!(c, Cmd::CancelFetch { .. })),
        "{:?}",
        s.cmds
    );
    s.drain(Duration::from_millis(400)).await;
    let asked = server.requests();
    s.drain(Duration::from_millis(1_000)).await;
    assert_eq!(server.requests(), asked, "the walk stopped with the view");
    assert_eq!(s.model.panes.org.as_deref(), Some("spare"));
}

// --- 18: body size -------------------------------------------------------------------------

/// 512 MiB, made as it is sent.
const HUGE: u64 = 512 << 20;

/// Waits for the server to notice the client hung up, then says how much it made.
async fn streamed_after_hang_up(server: &HostileServer) -> u64 {
    tokio::time::sleep(Duration::from_millis(300)).await;
    server.streamed()
}

#[tokio::test]
async fn an_answer_over_the_cap_is_refused_as_it_streams() {
    for announce in [false, true] {
        let server = HostileServer::start(Behaviour::Huge {
            bytes: HUGE,
            announce,
        })
        .await;
        let config = client_config_for(&server.url());
        assert_eq!(
            config.max_body_bytes,
            64 << 20,
            "lists are capped at 64 MiB"
        );
        let client = client_with(config, demo_credentials());
        let error = in_time(client.list_all_tags("demo", "web"))
            .await
            .unwrap_err();
        assert!(error.to_string().contains("larger than 64 MiB"), "{error}");
        assert_eq!(server.requests(), 1, "not asked for again");
        // Announced, it is refused before reading; chunked, near the cap (socket buffers aside).
        let streamed = streamed_after_hang_up(&server).await;
        let bound: u64 = if announce { 16 << 20 } else { 96 << 20 };
        assert!(
            streamed < bound,
            "announce {announce}: {} MiB made",
            streamed >> 20
        );
    }
}

#[tokio::test]
async fn the_answer_to_a_write_is_capped_at_one_mib() {
    let server = HostileServer::start(Behaviour::Huge {
        bytes: HUGE,
        announce: false,
    })
    .await;
    let client = client_with(client_config_for(&server.url()), demo_credentials());
    let error = in_time(client.create_namespace("acme")).await.unwrap_err();
    assert!(error.to_string().contains("larger than 1 MiB"), "{error}");
    let error = in_time(client.delete_tag("demo", "web", "v1"))
        .await
        .unwrap_err();
    assert!(error.to_string().contains("larger than 1 MiB"), "{error}");
    let streamed = streamed_after_hang_up(&server).await;
    assert!(streamed < 48 << 20, "{} MiB made", streamed >> 20);
}

#[tokio::test]
async fn the_iam_token_answer_is_capped_too() {
    let server = HostileServer::start(Behaviour::Huge {
        bytes: HUGE,
        announce: false,
    })
    .await;
    let client = client_with(
        client_config_for(&server.url()),
        Credentials::Password {
            domain: "acme".into(),
            user: "alice".into(),
            password: Secret::new("pw"),
        },
    );
    let error = client.list_namespaces().await.unwrap_err();
    assert!(error.to_string().contains("larger than 64 MiB"), "{error}");
    assert_eq!(server.seen()[0].path, "/v3/auth/tokens");
    let streamed = streamed_after_hang_up(&server).await;
    assert!(streamed < 96 << 20, "{} MiB made", streamed >> 20);
}

#[tokio::test]
async fn a_long_field_is_kept_exactly_and_drawn_cut() {
    let long = "x".repeat(10 << 20);
    let tags = vec![tag_item(&long, &sha(1), ""), tag_item("short", &sha(2), "")];
    let server = serve(account(tags)).await;
    let mut s = session_in(&server, "web", 80, 24).await;
    to_tag(&mut s, &long);
    let row = s.model.panes.tags.current().unwrap();
    assert_eq!(
        row.tag.chars().count(),
        swr_tui::app::text::NAME_MAX + 1,
        "drawn: cut, with …"
    );
    assert_eq!(row.raw().len(), long.len(), "used: exactly as sent");
    let buffer = draw(&s.model);
    assert_clean(&buffer);
    assert!(text(&buffer).contains("short"));
    s.send(key(KeyCode::Enter));
    assert_clean(&draw(&s.model));

    // Under a smaller cap the same page is refused, not held; small answers still pass.
    let mut config = client_config_for(&server.url());
    config.max_body_bytes = 1 << 20;
    let client = client_with(config, demo_credentials());
    let error = client.list_all_tags("demo", "web").await.unwrap_err();
    assert!(
        matches!(error, swr_tui::swr::ApiError::Decode(_)),
        "{error:?}"
    );
    assert!(error.to_string().contains("larger than 1 MiB"), "{error}");
    assert_eq!(client.list_namespaces().await.unwrap().len(), 2);
}
