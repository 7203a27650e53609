//! The emulator as a server: its configuration, starting and stopping it, and what tests read
//! from a running one (counters, the account's content).

use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::time::Duration;

use super::routes;
use super::seed::Seed;
use super::shared::{App, FailMethods, Faults, Shared};
use super::state;
use crate::swr::model::{AccessDomain, UserAuth};

pub const DEMO_ACCESS_KEY: &str = "DEMOACCESSKEY0000001";
pub const DEMO_SECRET_KEY: &str = "demo-secret-key-0000000000000000000000000";
pub const DEMO_PROJECT_ID: &str = "0c6a1f5e9b2d4a7f8e3c5b1d9f7a2e4c";
pub const DEMO_REGION: &str = "cn-north-4";

/// Everything the emulator needs to start.
#[derive(Debug, Clone)]
pub struct EmulatorConfig {
    pub seed: Seed,
    pub access_key: String,
    pub secret_key: String,
    pub project_id: String,
    pub region: String,
    pub latency: Duration,
    pub fail_rate: f64,
    /// The methods injected failures apply to.
    pub fail_methods: FailMethods,
    /// Requests per second; `None` = unlimited.
    pub rate_limit: Option<u32>,
}

impl EmulatorConfig {
    /// Demo data, demo keys, no faults.
    pub fn demo() -> Self {
        Self {
            seed: Seed::demo(),
            ..Self::empty()
        }
    }

    /// No data, demo keys, no faults.
    pub fn empty() -> Self {
        Self {
            seed: Seed::empty(),
            access_key: DEMO_ACCESS_KEY.into(),
            secret_key: DEMO_SECRET_KEY.into(),
            project_id: DEMO_PROJECT_ID.into(),
            region: DEMO_REGION.into(),
            latency: Duration::ZERO,
            fail_rate: 0.0,
            fail_methods: FailMethods::default(),
            rate_limit: None,
        }
    }
}

/// Counters for tests and the demo.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Stats {
    pub requests: u64,
    pub injected_failures: u64,
    pub rate_limited: u64,
    pub unauthorized: u64,
    pub peak_in_flight: u64,
    /// `org/repo:tag` → how many deletes actually removed it.
    pub tag_deletes: BTreeMap<String, u64>,
    /// Successful changes in order, e.g. `DELETE demo/team/web:1.0`, `POST namespace foo`.
    pub mutations: Vec<String>,
}

/// The account's content at one moment.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Snapshot {
    pub orgs: BTreeMap<String, OrgSnapshot>,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct OrgSnapshot {
    pub permissions: Vec<UserAuth>,
    pub repos: BTreeMap<String, RepoSnapshot>,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct RepoSnapshot {
    pub name: String,
    pub category: String,
    pub description: String,
    pub is_public: bool,
    pub permissions: Vec<UserAuth>,
    /// Tag name → digest.
    pub tags: BTreeMap<String, String>,
    pub shares: Vec<AccessDomain>,
}

/// A running emulator.
pub struct Emulator {
    addr: SocketAddr,
    shared: App,
    stop: tokio::sync::oneshot::Sender<()>,
    task: tokio::task::JoinHandle<()>,
}

impl Emulator {
    /// Binds `listen` (port 0 = a free port) and serves on a tokio task.
    pub async fn start(listen: SocketAddr, config: EmulatorConfig) -> std::io::Result<Emulator> {
        let state = config
            .seed
            .build_state(&config.region, &config.project_id)
            .map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidData, e.to_string()))?;
        // Sorted now, so that no first request pays for sorting a big repository.
        for repo in state.orgs.values().flat_map(|o| o.repos.values()) {
            repo.tags.prepare();
        }
        let faults = Faults {
            fail_rate: config.fail_rate.clamp(0.0, 1.0),
            fail_methods: config.fail_methods,
            rate_limit: config.rate_limit,
            latency: config.latency,
        };
        let shared = Shared::new(&config.access_key, &config.secret_key, state, faults);
        let listener = tokio::net::TcpListener::bind(listen).await?;
        let addr = listener.local_addr()?;
        let app = routes::router(shared.clone());
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let task = tokio::spawn(async move {
            let served = axum::serve(listener, app)
                .with_graceful_shutdown(async {
                    let _ = stopped.await;
                })
                .await;
            if let Err(e) = served {
                tracing::error!("emulator server stopped: {e}");
            }
        });
        tracing::info!("emulator listening on {addr}");
        Ok(Emulator {
            addr,
            shared,
            stop,
            task,
        })
    }

    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// `http://127.0.0.1:PORT`.
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    pub fn stats(&self) -> Stats {
        // One lock at a time: handlers may hold the state while they count a rejection.
        let (tag_deletes, mutations) = {
            let state = self.shared.read();
            (state.tag_deletes.clone(), state.mutations.clone())
        };
        let runtime = self.shared.runtime();
        let c = &runtime.counters;
        Stats {
            requests: c.requests,
            injected_failures: c.injected_failures,
            rate_limited: c.rate_limited,
            unauthorized: c.unauthorized,
            peak_in_flight: c.peak_in_flight,
            tag_deletes,
            mutations,
        }
    }

    pub fn snapshot(&self) -> Snapshot {
        snapshot_of(&self.shared.read())
    }

    /// Changes the fault knobs at runtime.
    pub fn set_faults(&self, fail_rate: f64, rate_limit: Option<u32>, latency: Duration) {
        let mut runtime = self.shared.runtime();
        runtime.faults = Faults {
            fail_rate: fail_rate.clamp(0.0, 1.0),
            rate_limit,
            latency,
            ..runtime.faults
        };
        runtime.counters.window = None;
    }

    /// Stops accepting requests and waits (briefly) for open ones to finish.
    pub async fn shutdown(self) {
        let _ = self.stop.send(());
        let mut task = self.task;
        if tokio::time::timeout(Duration::from_secs(5), &mut task)
            .await
            .is_err()
        {
            task.abort();
        }
    }
}

fn snapshot_of(st: &state::State) -> Snapshot {
    let orgs = st
        .orgs
        .values()
        .map(|o| {
            let repos = o
                .repos
                .values()
                .map(|r| {
                    let shares = st.list_shares(&o.name, &r.name).unwrap_or_default();
                    let snap = RepoSnapshot {
                        name: r.name.clone(),
                        category: r.category.clone(),
                        description: r.description.clone(),
                        is_public: r.is_public,
                        permissions: r.perms.clone(),
                        tags: r
                            .tags
                            .iter()
                            .map(|t| (t.name.clone(), t.digest.clone()))
                            .collect(),
                        shares,
                    };
                    (r.name.clone(), snap)
                })
                .collect();
            let snap = OrgSnapshot {
                permissions: o.perms.clone(),
                repos,
            };
            (o.name.clone(), snap)
        })
        .collect();
    Snapshot { orgs }
}
