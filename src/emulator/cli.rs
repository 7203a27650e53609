//! `swr-tui emulator …`: serves the emulator alone until Ctrl-C or SIGTERM.
//! Stdout carries exactly two lines (address, credentials) for scripts; logs go to stderr.

use std::io::Write;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use anyhow::Context;

use super::seed::Seed;
use super::server::{DEMO_PROJECT_ID, DEMO_REGION, Emulator, EmulatorConfig};
use super::shared::FailMethods;

#[derive(Debug, clap::Args)]
pub struct EmulatorArgs {
    /// Address to listen on; port 0 picks a free port.
    #[arg(long, default_value = "127.0.0.1:8080")]
    pub listen: SocketAddr,
    /// `demo`, `empty` or the path of a seed JSON file.
    #[arg(long, default_value = "demo")]
    pub seed: String,
    /// Access key to accept, with its secret key (--secret-key, --secret-key-file or
    /// $SWR_TUI_EMULATOR_SECRET_KEY); default: the demo key pair.
    #[arg(long)]
    pub access_key: Option<String>,
    /// Secret key to accept (with --access-key). Other users can read it in `ps`: prefer
    /// --secret-key-file or $SWR_TUI_EMULATOR_SECRET_KEY.
    #[arg(long, requires = "access_key", conflicts_with = "secret_key_file")]
    pub secret_key: Option<String>,
    /// File whose first line is the secret key to accept (with --access-key).
    #[arg(long, value_name = "PATH", requires = "access_key")]
    pub secret_key_file: Option<PathBuf>,
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

/// The environment variable that may hold the secret key, out of sight of `ps`.
pub const SECRET_KEY_VAR: &str = "SWR_TUI_EMULATOR_SECRET_KEY";

/// The key pair to accept instead of the demo pair, if one is given. The secret comes from
/// `--secret-key`, else `--secret-key-file`, else `$SWR_TUI_EMULATOR_SECRET_KEY` (`env` reads
/// the environment). An access key without a secret, or a secret without an access key, is an
/// error: a half-given pair would silently leave the demo pair in force.
pub fn key_pair(
    args: &EmulatorArgs,
    env: impl Fn(&str) -> Option<String>,
) -> anyhow::Result<Option<(String, String)>> {
    let from_file = match &args.secret_key_file {
        Some(path) => Some(read_secret_file(path)?),
        None => None,
    };
    let from_env = || env(SECRET_KEY_VAR).filter(|v| !v.is_empty());
    let secret = args.secret_key.clone().or(from_file).or_else(from_env);
    match (&args.access_key, secret) {
        (Some(ak), Some(sk)) => Ok(Some((ak.clone(), sk))),
        (None, None) => Ok(None),
        (Some(_), None) => anyhow::bail!(
            "--access-key needs its secret key: --secret-key-file PATH, ${SECRET_KEY_VAR} or --secret-key"
        ),
        (None, Some(_)) => {
            anyhow::bail!(
                "${SECRET_KEY_VAR} is set: give the access key it belongs to with --access-key"
            )
        }
    }
}

/// The first line of the file, without its line end; the error never quotes the content.
fn read_secret_file(path: &std::path::Path) -> anyhow::Result<String> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("cannot read the secret key file {}", path.display()))?;
    let secret = text.lines().next().unwrap_or_default().trim();
    if secret.is_empty() {
        anyhow::bail!("the secret key file {} is empty", path.display());
    }
    Ok(secret.to_string())
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
    let own_keys = match key_pair(&args, |name| std::env::var(name).ok())? {
        Some((ak, sk)) => {
            config.access_key = ak;
            config.secret_key = sk;
            true
        }
        None => false,
    };
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

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    #[derive(Parser)]
    struct Cli {
        #[command(flatten)]
        args: EmulatorArgs,
    }

    fn args(line: &[&str]) -> Result<EmulatorArgs, clap::Error> {
        Cli::try_parse_from(std::iter::once("emulator").chain(line.iter().copied())).map(|c| c.args)
    }

    fn env(value: Option<&'static str>) -> impl Fn(&str) -> Option<String> {
        move |name: &str| {
            (name == SECRET_KEY_VAR)
                .then(|| value.map(str::to_string))
                .flatten()
        }
    }

    fn pair(ak: &str, sk: &str) -> Option<(String, String)> {
        Some((ak.to_string(), sk.to_string()))
    }

    #[test]
    fn the_secret_key_comes_from_the_flag_a_file_or_the_environment() {
        let flag = args(&["--access-key", "AK", "--secret-key", "FLAG"]).unwrap();
        assert_eq!(
            key_pair(&flag, env(Some("ENV"))).unwrap(),
            pair("AK", "FLAG")
        );
        let from_env = args(&["--access-key", "AK"]).unwrap();
        assert_eq!(
            key_pair(&from_env, env(Some("ENV"))).unwrap(),
            pair("AK", "ENV")
        );
        let path = std::env::temp_dir().join(format!("swr-tui-sk-{}", std::process::id()));
        std::fs::write(&path, "FILE\r\nsecond line\n").unwrap();
        let file = args(&[
            "--access-key",
            "AK",
            "--secret-key-file",
            path.to_str().unwrap(),
        ])
        .unwrap();
        assert_eq!(
            key_pair(&file, env(Some("ENV"))).unwrap(),
            pair("AK", "FILE"),
            "the file's first line, and a flag beats the environment"
        );
        std::fs::write(&path, "\n").unwrap();
        let empty = key_pair(&file, env(None)).unwrap_err().to_string();
        assert!(empty.contains("empty"), "{empty}");
        let _ = std::fs::remove_file(&path);
        let missing = key_pair(&file, env(None)).unwrap_err();
        assert!(format!("{missing:#}").contains(path.to_str().unwrap()));
        assert_eq!(key_pair(&args(&[]).unwrap(), env(None)).unwrap(), None);
    }

    #[test]
    fn half_a_key_pair_is_an_error() {
        let no_secret = key_pair(&args(&["--access-key", "AK"]).unwrap(), env(None));
        assert!(
            no_secret
                .unwrap_err()
                .to_string()
                .contains("--secret-key-file")
        );
        let no_access_key = key_pair(&args(&[]).unwrap(), env(Some("S3CR3T")))
            .unwrap_err()
            .to_string();
        assert!(no_access_key.contains(SECRET_KEY_VAR), "{no_access_key}");
        assert!(!no_access_key.contains("S3CR3T"), "{no_access_key}");
        assert!(args(&["--secret-key", "SK"]).is_err());
        assert!(args(&["--secret-key-file", "/x"]).is_err());
        assert!(
            args(&[
                "--access-key",
                "A",
                "--secret-key",
                "S",
                "--secret-key-file",
                "/x"
            ])
            .is_err(),
            "one source of the secret on the command line"
        );
    }
}
