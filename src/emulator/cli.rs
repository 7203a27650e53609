//! `swr-tui emulator …`: serves the emulator alone until Ctrl-C or SIGTERM.
//! Stdout carries exactly two lines (address, credentials) for scripts; logs go to stderr.

use std::io::Write;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use anyhow::Context;

use super::{DEMO_PROJECT_ID, DEMO_REGION, Emulator, EmulatorConfig, FailMethods, Seed};

#[derive(Debug, clap::Args)]
pub struct EmulatorArgs {
    /// Address to listen on; port 0 picks a free port.
    #[arg(long, default_value = "127.0.0.1:8080")]
    pub listen: SocketAddr,
    /// `demo`, `empty` or the path of a seed JSON file.
    #[arg(long, default_value = "demo")]
    pub seed: String,
    /// Access key to accept (with --secret-key); default: the demo key pair.
    #[arg(long, requires = "secret_key")]
    pub access_key: Option<String>,
    /// Secret key to accept (with --access-key).
    #[arg(long, requires = "access_key")]
    pub secret_key: Option<String>,
    /// Delay added to every request, in milliseconds.
    #[arg(long, default_value_t = 0)]
    pub latency_ms: u64,
    /// Probability (0..=1) that a request fails with 500/503.
    #[arg(long, default_value_t = 0.0, value_parser = parse_rate)]
    pub fail_rate: f64,
    /// The request methods --fail-rate applies to, e.g. `DELETE` or `GET,DELETE` (default: all).
    #[arg(long, value_parser = FailMethods::parse)]
    pub fail_methods: Option<FailMethods>,
    /// Requests per second before answering 429.
    #[arg(long)]
    pub rate_limit: Option<u32>,
    /// Region the emulated account lives in.
    #[arg(long, default_value = DEMO_REGION)]
    pub region: String,
    /// Project id of that region.
    #[arg(long, default_value = DEMO_PROJECT_ID)]
    pub project_id: String,
}

fn parse_rate(s: &str) -> Result<f64, String> {
    let v: f64 = s.parse().map_err(|_| format!("{s:?} is not a number"))?;
    if (0.0..=1.0).contains(&v) {
        Ok(v)
    } else {
        Err(format!("{v} is not between 0 and 1"))
    }
}

fn load_seed(arg: &str) -> anyhow::Result<Seed> {
    Ok(match arg {
        "demo" => Seed::demo(),
        "empty" => Seed::empty(),
        path => Seed::from_path(&PathBuf::from(path))?,
    })
}

fn say(line: &str) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    writeln!(out, "{line}")?;
    out.flush()?;
    Ok(())
}

/// Resolves on Ctrl-C or SIGTERM. The handlers are installed when this is called, not when the
/// future is first polled: a script may send SIGTERM as soon as it has read the stdout lines.
fn shutdown_signal() -> impl Future<Output = ()> {
    #[cfg(unix)]
    let handlers = {
        use tokio::signal::unix::{SignalKind, signal};
        signal(SignalKind::terminate()).and_then(|t| Ok((t, signal(SignalKind::interrupt())?)))
    };
    async move {
        #[cfg(unix)]
        if let Ok((mut term, mut int)) = handlers {
            tokio::select! {
                _ = int.recv() => {}
                _ = term.recv() => {}
            }
            return;
        }
        let _ = tokio::signal::ctrl_c().await;
    }
}

pub async fn run(args: EmulatorArgs) -> anyhow::Result<()> {
    let _ = tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info")),
        )
        .try_init();
    let seed = load_seed(&args.seed)?;
    let shutdown = shutdown_signal();
    let mut config = EmulatorConfig {
        seed,
        region: args.region.clone(),
        project_id: args.project_id.clone(),
        latency: Duration::from_millis(args.latency_ms),
        fail_rate: args.fail_rate,
        fail_methods: args.fail_methods.unwrap_or_default(),
        rate_limit: args.rate_limit,
        ..EmulatorConfig::empty()
    };
    let own_keys = args.access_key.is_some();
    if let (Some(ak), Some(sk)) = (args.access_key, args.secret_key) {
        config.access_key = ak;
        config.secret_key = sk;
    }
    let emulator = Emulator::start(args.listen, config.clone())
        .await
        .with_context(|| format!("cannot listen on {}", args.listen))?;
    say(&format!("listening on {}", emulator.url()))?;
    let sk = if own_keys {
        "(as given)"
    } else {
        config.secret_key.as_str()
    };
    say(&format!(
        "credentials: HUAWEICLOUD_SDK_AK={} HUAWEICLOUD_SDK_SK={sk} HUAWEICLOUD_SDK_PROJECT_ID={}",
        config.access_key, config.project_id
    ))?;
    shutdown.await;
    tracing::info!("shutting down");
    emulator.shutdown().await;
    Ok(())
}
