//! A hostile SWR look-alike for tests: it speaks the v2 wire format the client reads, but every
//! answer is one a malicious or broken service could send (redirects elsewhere, lying totals,
//! endless or huge bodies, names and hosts carrying shell and terminal text). It records each
//! request it gets, so a test can tell what left the client and where.
//!
//! And [`Session`]: the real model, `update()`, and a real `Worker` talking to such a server,
//! with the runtime's command dispatch, so a test drives the product as the terminal loop does.

use std::collections::BTreeMap;
use std::convert::Infallible;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use futures_util::StreamExt as _;
use percent_encoding::percent_decode_str;
use serde_json::{Value, json};

/// What the server does with every request.
#[derive(Clone)]
pub enum Behaviour {
    /// Sends the client elsewhere: `Location` is `to` followed by the request's path and query.
    Redirect { status: StatusCode, to: String },
    /// Answers as an account holding `Account`.
    Account(Account),
    /// Answers every request `200` with a body of `bytes` spaces, made as it is sent (nothing
    /// held); `announce` says it in `Content-Length` up front, otherwise it is chunked.
    Huge { bytes: u64, announce: bool },
}

/// An account: organizations, each holding the same repositories, each with its tags.
#[derive(Clone, Default)]
pub struct Account {
    pub orgs: Vec<String>,
    /// Repository name → tag list items as the v2 list writes them.
    pub repos: BTreeMap<String, Vec<Value>>,
    /// The total every list claims, written as sent (`Content-Range` of tag lists, `total_range`
    /// of repository items); the real count when `None`.
    pub claimed_total: Option<String>,
    /// A repository whose tag list never ends: every page is full, whatever the offset, each
    /// after this pause.
    pub endless: Option<(String, Duration)>,
    /// The login answer: `X-Swr-Dockerlogin` and the registry that `auths` names.
    pub login: Option<(String, String)>,
    /// What the lists carry besides names (an organization's creator, a repository's category
    /// and description); plain words when `None`.
    pub free_text: Option<String>,
}

/// One request as the server got it.
#[derive(Debug, Clone)]
pub struct Seen {
    pub method: String,
    /// As sent (percent-encoded).
    pub path: String,
    pub headers: HeaderMap,
    pub body: Bytes,
}

struct Shared {
    behaviour: Behaviour,
    seen: Mutex<Vec<Seen>>,
    /// Body bytes a `Huge` answer has produced so far.
    streamed: Arc<AtomicU64>,
}

pub struct HostileServer {
    url: String,
    shared: Arc<Shared>,
}

impl HostileServer {
    pub async fn start(behaviour: Behaviour) -> Self {
        let shared = Arc::new(Shared {
            behaviour,
            seen: Mutex::new(Vec::new()),
            streamed: Arc::new(AtomicU64::new(0)),
        });
        let app = axum::Router::new()
            .fallback(answer)
            .with_state(shared.clone());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://{}", listener.local_addr().unwrap());
        tokio::spawn(async move { axum::serve(listener, app).await });
        Self { url, shared }
    }

    pub fn url(&self) -> String {
        self.url.clone()
    }

    pub fn seen(&self) -> Vec<Seen> {
        self.shared.seen.lock().unwrap().clone()
    }

    pub fn requests(&self) -> usize {
        self.shared.seen.lock().unwrap().len()
    }

    pub fn streamed(&self) -> u64 {
        self.shared.streamed.load(Ordering::SeqCst)
    }
}

async fn answer(State(shared): State<Arc<Shared>>, request: Request) -> Response {
    let (parts, body) = request.into_parts();
    let body = axum::body::to_bytes(body, 1 << 20)
        .await
        .unwrap_or_default();
    let path = parts.uri.path().to_string();
    let query: BTreeMap<String, String> = parts
        .uri
        .query()
        .map(|q| {
            q.split('&')
                .filter_map(|kv| kv.split_once('='))
                .map(|(k, v)| (k.to_string(), decode(v)))
                .collect()
        })
        .unwrap_or_default();
    shared.seen.lock().unwrap().push(Seen {
        method: parts.method.to_string(),
        path: path.clone(),
        headers: parts.headers,
        body,
    });
    match &shared.behaviour {
        Behaviour::Redirect { status, to } => {
            let target = match parts.uri.query() {
                Some(q) => format!("{to}{path}?{q}"),
                None => format!("{to}{path}"),
            };
            (*status, [(header::LOCATION, target)]).into_response()
        }
        Behaviour::Huge { bytes, announce } => huge(*bytes, *announce, shared.streamed.clone()),
        Behaviour::Account(account) => {
            let segments: Vec<String> = path.split('/').skip(1).map(decode).collect();
            let segments: Vec<&str> = segments.iter().map(String::as_str).collect();
            account_answer(account, parts.method.as_str(), &segments, &query).await
        }
    }
}

fn decode(text: &str) -> String {
    percent_decode_str(text).decode_utf8_lossy().into_owned()
}

/// A body of spaces, counted as each chunk is made.
fn huge(bytes: u64, announce: bool, streamed: Arc<AtomicU64>) -> Response {
    static CHUNK: [u8; 1 << 16] = [b' '; 1 << 16];
    let chunks = bytes / CHUNK.len() as u64;
    let stream = futures_util::stream::iter(0..chunks).map(move |_| {
        streamed.fetch_add(CHUNK.len() as u64, Ordering::SeqCst);
        Ok::<_, Infallible>(Bytes::from_static(&CHUNK))
    });
    let mut response = Response::new(Body::from_stream(stream));
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    headers.insert("X-Subject-Token", HeaderValue::from_static("T"));
    if announce {
        headers.insert(
            header::CONTENT_LENGTH,
            HeaderValue::from(chunks * CHUNK.len() as u64),
        );
    }
    response
}

async fn account_answer(
    account: &Account,
    method: &str,
    path: &[&str],
    query: &BTreeMap<String, String>,
) -> Response {
    let number = |key: &str, default: u64| {
        query
            .get(key)
            .and_then(|v| v.parse().ok())
            .unwrap_or(default)
    };
    let (limit, offset) = (number("limit", 100), number("offset", 0));
    match (method, path) {
        ("GET", ["v2", "manage", "namespaces"]) => {
            let namespaces: Vec<Value> = account
                .orgs
                .iter()
                .enumerate()
                .map(|(id, name)| {
                    let creator = account.free_text.as_deref().unwrap_or("alice");
                    json!({"id": id, "name": name, "creator_name": creator, "auth": 7})
                })
                .collect();
            json_reply(json!({ "namespaces": namespaces }).to_string(), None)
        }
        ("GET", ["v2", "manage", "repos"]) => {
            let names: Vec<&String> = account.repos.keys().collect();
            let total = account
                .claimed_total
                .clone()
                .unwrap_or_else(|| names.len().to_string());
            // Written by hand: the claimed total goes out exactly as given, even where it is no
            // number a Rust integer holds.
            let items: Vec<String> = page(&names, offset, limit)
                .iter()
                .map(|name| {
                    let text = account.free_text.as_deref();
                    let item = json!({"name": name, "namespace": "demo", "num_images": 3,
                        "category": text.unwrap_or("linux"), "description": text.unwrap_or(""),
                        "is_public": false});
                    let text = item.to_string();
                    format!("{},\"total_range\":{total}}}", &text[..text.len() - 1])
                })
                .collect();
            json_reply(format!("[{}]", items.join(",")), None)
        }
        ("GET", ["v2", "manage", "namespaces", _org, "repos", repo, "tags"]) => {
            if let Some((endless, pause)) = &account.endless
                && endless == repo
            {
                tokio::time::sleep(*pause).await;
                let items: Vec<Value> = (offset..offset + limit)
                    .map(|i| json!({"Tag": format!("e{i:07}"), "digest": "sha256:00"}))
                    .collect();
                let range = format!("{offset}-{}/1000000", offset + limit - 1);
                return json_reply(Value::from(items).to_string(), Some(range));
            }
            let Some(tags) = account.repos.get(*repo) else {
                return not_found();
            };
            let items = page(tags, offset, limit);
            let total = account
                .claimed_total
                .clone()
                .unwrap_or_else(|| tags.len().to_string());
            let last = (offset + items.len() as u64).saturating_sub(1);
            let range = format!("{offset}-{last}/{total}");
            json_reply(Value::from(items).to_string(), Some(range))
        }
        (
            "DELETE",
            [
                "v2",
                "manage",
                "namespaces",
                _org,
                "repos",
                _repo,
                "tags",
                _tag,
            ],
        ) => StatusCode::OK.into_response(),
        ("POST", ["v2", "manage", "utils", "secret"]) => {
            let Some((docker_login, registry)) = &account.login else {
                return not_found();
            };
            let body = json!({"auths": {registry.as_str(): {"auth": "dTpw"}}}).to_string();
            let mut response = json_reply(body, None);
            if let Ok(value) = HeaderValue::from_str(docker_login) {
                response.headers_mut().insert("X-Swr-Dockerlogin", value);
            }
            response.headers_mut().insert(
                "X-Swr-Expireat",
                HeaderValue::from_static("2026-03-11T12:00:00.000000Z"),
            );
            response
        }
        _ => not_found(),
    }
}

fn page<T: Clone>(items: &[T], offset: u64, limit: u64) -> Vec<T> {
    let start = (offset as usize).min(items.len());
    let end = start.saturating_add(limit as usize).min(items.len());
    items[start..end].to_vec()
}

fn json_reply(body: String, content_range: Option<String>) -> Response {
    let mut response = (StatusCode::OK, body).into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    if let Some(range) = content_range.and_then(|r| HeaderValue::from_str(&r).ok()) {
        headers.insert(header::CONTENT_RANGE, range);
    }
    response
}

fn not_found() -> Response {
    let body = json!({"errorCode": "SVCSTG.SWR.4040000", "errorMessage": "no such thing"});
    (StatusCode::NOT_FOUND, body.to_string()).into_response()
}

/// A tag list item as the v2 list writes it.
pub fn tag_item(name: &str, digest: &str, path: &str) -> Value {
    json!({
        "Tag": name,
        "digest": digest,
        "size": 1024,
        "path": path,
        "internal_path": format!("10.125.0.198:20202/demo/web:{name}"),
        "created": "2026-03-01T00:00:00Z",
        "updated": "2026-03-09T00:00:00Z",
    })
}

// --- the product against the server -------------------------------------------------------

use swr_tui::app::{Cmd, Model, Msg, update};
use swr_tui::swr::SwrClient;
use swr_tui::worker::Worker;
use swr_tui::worker::delete::Steer;
use tokio::sync::mpsc;

/// The model, its worker and what the runtime would do with each command. Copies are kept
/// here instead of reaching the clipboard.
pub struct Session {
    pub model: Model,
    worker: Worker,
    results: mpsc::UnboundedReceiver<Msg>,
    pub copied: Vec<String>,
    /// Every command `update` returned, in order.
    pub cmds: Vec<Cmd>,
}

impl Session {
    pub fn new(model: Model, client: SwrClient) -> Self {
        let (tx, results) = mpsc::unbounded_channel();
        Self {
            model,
            worker: Worker::new(client, tx, 8),
            results,
            copied: Vec::new(),
            cmds: Vec::new(),
        }
    }

    /// `init` and then every answer until `done` holds.
    pub async fn start(&mut self, done: impl Fn(&Model) -> bool) {
        let cmds = swr_tui::app::init(&mut self.model);
        self.perform(cmds);
        self.settle(done).await;
    }

    /// One message through `update`, its commands performed.
    pub fn send(&mut self, msg: Msg) {
        let cmds = update(&mut self.model, msg);
        self.perform(cmds);
    }

    /// Types `keys`, one key press a character, each message's commands performed.
    pub fn press(&mut self, keys: &str) {
        for c in keys.chars() {
            self.send(super::ch(c));
        }
    }

    /// Takes the worker's answers until `done` holds (or fails after ten seconds).
    pub async fn settle(&mut self, done: impl Fn(&Model) -> bool) {
        let deadline = tokio::time::Instant::now() + Duration::from_secs(10);
        while !done(&self.model) {
            let msg = tokio::time::timeout_at(deadline, self.results.recv())
                .await
                .expect("the model got where the test waits for in time")
                .expect("the worker is there");
            self.send(msg);
        }
    }

    /// Takes whatever answers arrive within `wait`.
    pub async fn drain(&mut self, wait: Duration) {
        let deadline = tokio::time::Instant::now() + wait;
        while let Ok(Some(msg)) = tokio::time::timeout_at(deadline, self.results.recv()).await {
            self.send(msg);
        }
    }

    fn perform(&mut self, cmds: Vec<Cmd>) {
        for cmd in cmds {
            self.cmds.push(cmd.clone());
            match cmd {
                Cmd::Fetch { request, fetch } => self.worker.fetch(request, fetch),
                Cmd::CancelFetch { request } => self.worker.cancel_fetch(request),
                Cmd::DeleteTags {
                    job,
                    place,
                    org,
                    repo,
                    tags,
                    concurrency,
                } => self
                    .worker
                    .delete_tags(job, place, org, repo, tags, concurrency),
                Cmd::StopJob { job } => self.worker.steer_job(job, Steer::Stop),
                Cmd::PauseJob { job } => self.worker.steer_job(job, Steer::Pause),
                Cmd::ResumeJob { job } => self.worker.steer_job(job, Steer::Go),
                Cmd::Write { request, write } => self.worker.write(request, write),
                Cmd::FetchLogin { request, kind } => self.worker.fetch_login(request, kind),
                Cmd::Copy { text } | Cmd::CopySecret { text, .. } => self.copied.push(text),
                Cmd::Switch { .. } | Cmd::Quit => {}
            }
        }
    }
}
