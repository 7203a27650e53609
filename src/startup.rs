//! From command-line choices to a running session: settings, logging, the client, and for
//! `--demo` the in-process emulator.

use std::path::PathBuf;

use anyhow::Context as _;
use ratatui::layout::Rect;
use tokio::sync::mpsc;

use crate::app::keys::Keymap;
use crate::app::{Context, Model};
use crate::config::{self, Flags, ProcessEnv, Settings};
use crate::emulator::{self, Emulator, EmulatorConfig};
use crate::swr::{ClientConfig, Credentials, Secret, SwrClient, regions};
use crate::tui::{self, Exit, terminal::TerminalGuard};
use crate::worker::Worker;

/// What the user asked for on the command line (besides subcommands).
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub demo: bool,
    pub flags: Flags,
    pub log_level: String,
}

/// Settings for `--demo`: the embedded emulator at `url` and its demo key pair.
pub fn demo_settings(url: &str) -> Settings {
    Settings {
        profile: "demo".into(),
        region: emulator::DEMO_REGION.into(),
        endpoint: url.to_string(),
        iam_endpoint: url.to_string(),
        registry: regions::registry_host(emulator::DEMO_REGION),
        project_id: Some(emulator::DEMO_PROJECT_ID.into()),
        credentials: Credentials::AkSk {
            access_key: emulator::DEMO_ACCESS_KEY.into(),
            secret_key: Secret::new(emulator::DEMO_SECRET_KEY),
            security_token: None,
        },
        read_only: false,
        monochrome: std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()),
        delete_concurrency: config::settings::DEFAULT_DELETE_CONCURRENCY,
        profiles: vec!["demo".into()],
        keys: Default::default(),
    }
}

/// Settings from the config file, the environment and the flags; a clear error otherwise.
/// With `can_prompt`, a missing IAM password is asked for on the terminal; without (the UI owns
/// the terminal), it is an error.
pub fn real_settings(flags: &Flags, can_prompt: bool) -> anyhow::Result<Settings> {
    let path = config::config_path(&ProcessEnv);
    let file = match &path {
        Some(p) => config::file::load(p)?,
        None => config::ConfigFile::default(),
    };
    if let Some(warning) = path
        .as_ref()
        .and_then(|p| config::file::permission_warning(p, &file))
    {
        eprintln!("warning: {warning}");
        tracing::warn!("{warning}");
    }
    let mut settings = config::resolve(flags, &ProcessEnv, &file)?;
    if settings.needs_password() {
        if !can_prompt {
            anyhow::bail!(
                "profile {} needs its IAM password: set password_env, or start with --profile {}",
                settings.profile,
                settings.profile
            );
        }
        prompt_password(&mut settings)?;
    }
    Ok(settings)
}

/// Asks for the IAM password on the terminal, without echo, before the UI takes it over.
fn prompt_password(settings: &mut Settings) -> anyhow::Result<()> {
    if let Credentials::Password {
        domain,
        user,
        password,
    } = &mut settings.credentials
    {
        let typed =
            rpassword::prompt_password(format!("IAM password for {user} (account {domain}): "))
                .context("reading the password (or set password_env in the profile)")?;
        *password = Secret::new(typed);
    }
    Ok(())
}

pub fn client(settings: &Settings) -> anyhow::Result<SwrClient> {
    let mut config =
        ClientConfig::with_endpoints(&settings.region, &settings.endpoint, &settings.iam_endpoint);
    config.project_id = settings.project_id.clone();
    if let (Credentials::Password { domain, user, .. }, Some(dir)) =
        (&settings.credentials, config::cache_dir())
    {
        config.token_cache = Some(crate::swr::client::token_cache::path_for(
            &dir.join("tokens"),
            &settings.iam_endpoint,
            domain,
            user,
            &settings.region,
        ));
    }
    Ok(SwrClient::new(config, settings.credentials.clone())?)
}

pub fn context(settings: &Settings) -> Context {
    Context {
        profile: settings.profile.clone(),
        region: settings.region.clone(),
        endpoint: settings.endpoint.clone(),
        registry: settings.registry.clone(),
        read_only: settings.read_only,
        monochrome: settings.monochrome,
        profiles: settings.profiles.clone(),
    }
}

/// Logs go to a file, never to the terminal the UI owns.
pub fn init_logging(level: &str) -> Option<PathBuf> {
    let dir = config::log_dir()?;
    std::fs::create_dir_all(&dir).ok()?;
    let path = dir.join("swr-tui.log");
    let file = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(&path)
        .ok()?;
    let filter = tracing_subscriber::EnvFilter::try_new(level)
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_ansi(false)
        .with_writer(std::sync::Mutex::new(file))
        .try_init()
        .ok()?;
    Some(path)
}

/// Where sessions come from: the embedded emulator, or the configuration.
enum Source {
    Demo(String),
    Config(Flags),
}

impl Source {
    /// Settings for a profile and region (`None`: as the flags, environment and file say).
    fn settings(
        &self,
        profile: Option<&str>,
        region: Option<&str>,
        can_prompt: bool,
    ) -> anyhow::Result<Settings> {
        match self {
            Self::Demo(url) => {
                let mut s = demo_settings(url);
                if let Some(region) = region {
                    s.region = region.to_string();
                    s.registry = regions::registry_host(region);
                }
                Ok(s)
            }
            Self::Config(flags) => {
                let mut flags = flags.clone();
                if let Some(p) = profile {
                    flags.profile = Some(p.to_string());
                }
                if let Some(r) = region {
                    flags.region = Some(r.to_string());
                }
                real_settings(&flags, can_prompt)
            }
        }
    }
}

/// Runs the terminal UI; returns when the user quits.
pub async fn run(options: Options) -> anyhow::Result<()> {
    let log = init_logging(&options.log_level);
    let (source, emulator) = if options.demo {
        let emu = Emulator::start(([127, 0, 0, 1], 0).into(), EmulatorConfig::demo())
            .await
            .context("starting the demo emulator")?;
        (Source::Demo(emu.url()), Some(emu))
    } else {
        (Source::Config(options.flags.clone()), None)
    };
    let read_only_flag = options.flags.read_only;
    let mut settings = source.settings(None, None, true)?;
    settings.read_only |= read_only_flag;
    let keymap = Keymap::from_config(&settings.keys).map_err(anyhow::Error::msg)?;
    tracing::info!(profile = %settings.profile, region = %settings.region, endpoint = %settings.endpoint, log = ?log, "starting");
    let first_client = client(&settings)?;
    let (results_tx, results_rx) = mpsc::unbounded_channel();
    let worker = Worker::new(first_client, results_tx, crate::worker::DEFAULT_CONCURRENCY);
    let mut model = Model::new(context(&settings), Rect::default(), chrono::Utc::now());
    model.delete_concurrency = settings.delete_concurrency;
    model.keymap = keymap;

    // Switching reads the configuration again: a profile may have changed since start-up.
    let reconnect = move |profile: &str, region: &str| -> Result<(Context, SwrClient), String> {
        let mut settings = source
            .settings(Some(profile), Some(region), false)
            .map_err(|e| format!("{e:#}"))?;
        settings.read_only |= read_only_flag;
        let client = client(&settings).map_err(|e| format!("{e:#}"))?;
        tracing::info!(profile = %settings.profile, region = %settings.region, "switched");
        Ok((context(&settings), client))
    };

    let mut guard = TerminalGuard::enter().context("this needs an interactive terminal")?;
    let events = crossterm::event::EventStream::new();
    let exit = tui::run(&mut guard, model, events, worker, results_rx, &reconnect).await;
    drop(guard);
    if let Some(emu) = emulator {
        emu.shutdown().await;
    }
    match exit? {
        Exit::Quit => Ok(()),
        Exit::Signal(name) => {
            tracing::info!("stopped by {name}");
            Ok(())
        }
    }
}
