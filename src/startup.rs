//! From command-line choices to a running session: settings, logging, the client, and for
//! `--demo` the in-process emulator.

use std::path::{Path, PathBuf};

use anyhow::Context as _;
use ratatui::layout::Rect;
use tokio::sync::mpsc;

use crate::app::keys::Keymap;
use crate::app::registry::InstanceRef;
use crate::app::resources::InstanceRow;
use crate::app::text::sanitize;
use crate::app::{Context, Model};
use crate::config::{self, ConfigFile, Flags, ProcessEnv, Settings};
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

/// Settings for `--demo`: the embedded emulator at `url` and its demo key pair, with the config
/// file's `[ui]` and `[keys]` (its profiles are not for the demo).
pub fn demo_settings(url: &str, file: &ConfigFile) -> Settings {
    let ui = config::ui_settings(&ProcessEnv, file);
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
        instance: None,
        read_only: false,
        monochrome: ui.monochrome,
        delete_concurrency: ui.delete_concurrency,
        profiles: vec!["demo".into()],
        keys: ui.keys,
    }
}

/// The config file (`SWR_TUI_CONFIG`'s, which must exist, or the default location's). With
/// `before_ui`, a file holding a secret that others may read is warned about on stderr; later
/// the terminal belongs to the UI, and the log has it.
pub fn config_file(before_ui: bool) -> anyhow::Result<ConfigFile> {
    let (path, file) = config::load(&ProcessEnv)?;
    if let Some(warning) = path
        .as_ref()
        .and_then(|p| config::file::permission_warning(p, &file))
    {
        if before_ui {
            eprintln!("warning: {warning}");
        }
        tracing::warn!("{warning}");
    }
    Ok(file)
}

/// Settings from the config file, the environment and the flags; a clear error otherwise.
/// With `can_prompt`, a missing IAM password is asked for on the terminal; without (the UI owns
/// the terminal), it is an error.
pub fn real_settings(flags: &Flags, can_prompt: bool) -> anyhow::Result<Settings> {
    let file = config_file(can_prompt)?;
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
    // A registry named in the profile is where its manifests are read too.
    config.registry_endpoint =
        crate::swr::client::registry_endpoint(&settings.registry, &settings.endpoint);
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
        instance: None,
        read_only: settings.read_only,
        monochrome: settings.monochrome,
        profiles: settings.profiles.clone(),
    }
}

/// The instance `wanted` names (its name, else its id), as a session browses it: an unknown
/// name is an error naming the instances there are, before the terminal is taken.
pub async fn find_instance(client: &SwrClient, wanted: &str) -> anyhow::Result<InstanceRef> {
    let instances = client
        .list_all_instances(None)
        .await
        .with_context(|| format!("listing enterprise-edition instances to find {wanted:?}"))?;
    let found = instances
        .iter()
        .find(|i| i.name == wanted)
        .or_else(|| instances.iter().find(|i| i.id == wanted));
    let Some(found) = found else {
        let names: Vec<String> = instances.iter().map(|i| sanitize(&i.name)).collect();
        let there = match names.is_empty() {
            true => "there are none in this project and region".to_string(),
            false => format!("instances: {}", names.join(", ")),
        };
        anyhow::bail!("no enterprise-edition instance named {wanted:?} ({there})");
    };
    InstanceRow::from(found.clone()).target().with_context(|| {
        format!("instance {wanted:?} has no valid registry address: it cannot be browsed")
    })
}

/// Logs go to a file, never to the terminal the UI owns.
pub fn init_logging(level: &str) -> Option<PathBuf> {
    let dir = config::log_dir()?;
    std::fs::create_dir_all(&dir).ok()?;
    let path = dir.join("swr-tui.log");
    let file = match open_log(&path) {
        Ok(file) => file,
        Err(e) => {
            eprintln!("warning: not logging to {}: {e}", path.display());
            return None;
        }
    };
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

/// Opens the log for appending, readable by the user alone: it names the account, its
/// organizations and endpoints. A log left readable by others (by an older version, or a
/// umask) is made private before anything more is written to it.
pub fn open_log(path: &Path) -> std::io::Result<std::fs::File> {
    let mut options = std::fs::OpenOptions::new();
    options.create(true).append(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
        options.mode(0o600);
        let file = options.open(path)?;
        if file.metadata()?.permissions().mode() & 0o077 != 0 {
            file.set_permissions(std::fs::Permissions::from_mode(0o600))?;
        }
        Ok(file)
    }
    #[cfg(not(unix))]
    options.open(path)
}

/// Where sessions come from: the embedded emulator, or the configuration.
enum Source {
    /// The emulator's URL, and the config file read at start (for `[ui]` and `[keys]`).
    Demo(String, ConfigFile),
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
            Self::Demo(url, file) => {
                let mut s = demo_settings(url, file);
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
        // Read before the emulator starts: a config error stops the demo too.
        let file = config_file(true)?;
        let emu = Emulator::start(([127, 0, 0, 1], 0).into(), EmulatorConfig::demo())
            .await
            .context("starting the demo emulator")?;
        (Source::Demo(emu.url(), file), Some(emu))
    } else {
        (Source::Config(options.flags.clone()), None)
    };
    let read_only_flag = options.flags.read_only;
    let mut settings = source.settings(None, None, true)?;
    settings.read_only |= read_only_flag;
    let keymap = Keymap::from_config(&settings.keys).map_err(anyhow::Error::msg)?;
    let plain_http = config::plain_http_warning(&[&settings.endpoint, &settings.iam_endpoint]);
    if let Some(warning) = &plain_http {
        eprintln!("warning: {warning}");
        tracing::warn!("{warning}");
    }
    tracing::info!(profile = %settings.profile, region = %settings.region, endpoint = %settings.endpoint, log = ?log, "starting");
    if options.demo {
        // The demo's own settings know no instance: the flag still picks one.
        settings.instance = options.flags.instance.clone();
    }
    let first_client = client(&settings)?;
    let instance = match &settings.instance {
        Some(wanted) => Some(find_instance(&first_client, wanted).await?),
        None => None,
    };
    let (results_tx, results_rx) = mpsc::unbounded_channel();
    let worker = Worker::new(first_client, results_tx, crate::worker::DEFAULT_CONCURRENCY);
    let start = context(&settings).browsing(instance);
    let mut model = Model::new(start, Rect::default(), chrono::Utc::now());
    model.prefs.delete_concurrency = settings.delete_concurrency;
    model.prefs.keymap = keymap;
    if let Some(warning) = plain_http {
        // An error stays on the status line until superseded or dismissed: it should be read.
        model.fail(format!("Warning: {warning}"));
    }

    // Switching reads the configuration again: a profile may have changed since start-up.
    let reconnect = move |profile: &str, region: &str| -> Result<(Context, SwrClient), String> {
        let mut settings = source
            .settings(Some(profile), Some(region), false)
            .map_err(|e| format!("{e:#}"))?;
        settings.read_only |= read_only_flag;
        if let Some(warning) =
            config::plain_http_warning(&[&settings.endpoint, &settings.iam_endpoint])
        {
            tracing::warn!("{warning}");
        }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_demo_takes_ui_and_keys_from_the_config_file_but_not_its_profiles() {
        let file = config::file::parse(
            "default_profile = \"prod\"\n[profiles.prod]\nregion = \"eu-west-101\"\nendpoint = \"https://x\"\nread_only = true\n\
             [ui]\ntheme = \"monochrome\"\ndelete_concurrency = 3\n[keys]\nhelp = \"z\"\n",
            Path::new("c.toml"),
        )
        .unwrap();
        let s = demo_settings("http://127.0.0.1:9", &file);
        assert!(s.monochrome);
        assert_eq!(s.delete_concurrency, 3);
        assert_eq!(s.keys.get("help").map(String::as_str), Some("z"));
        assert_eq!(
            (s.profile.as_str(), s.region.as_str(), s.endpoint.as_str()),
            ("demo", emulator::DEMO_REGION, "http://127.0.0.1:9"),
            "the profiles are not for the demo"
        );
        assert!(!s.read_only);
        let keymap = Keymap::from_config(&s.keys).unwrap();
        assert_eq!(keymap, Keymap::from_config(&file.keys).unwrap());
        assert_ne!(keymap, Keymap::default(), "the override is in force");
    }

    #[cfg(unix)]
    #[test]
    fn the_log_is_private_when_made_and_made_private_when_found_open() {
        use std::io::Write as _;
        use std::os::unix::fs::PermissionsExt;
        let dir = std::env::temp_dir().join(format!("swr-tui-log-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        let fresh = dir.join("new.log");
        writeln!(open_log(&fresh).unwrap(), "one").unwrap();
        assert_eq!(mode(&fresh), 0o600);
        let old = dir.join("old.log");
        std::fs::write(&old, "before\n").unwrap();
        std::fs::set_permissions(&old, std::fs::Permissions::from_mode(0o644)).unwrap();
        writeln!(open_log(&old).unwrap(), "after").unwrap();
        assert_eq!(mode(&old), 0o600);
        assert_eq!(
            std::fs::read_to_string(&old).unwrap(),
            "before\nafter\n",
            "appended"
        );
        let _ = std::fs::remove_dir_all(&dir);
    }
}
