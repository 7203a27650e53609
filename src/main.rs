use std::io::Write as _;

use clap::{CommandFactory, Parser, Subcommand};

use swr_tui::config::{self, ConfigError, Flags, ProcessEnv};
use swr_tui::startup::{self, Options};

/// swr-tui: a terminal console for Huawei Cloud SWR.
#[derive(Debug, Parser)]
#[command(name = "swr-tui", version, about)]
struct Cli {
    /// Run against a built-in emulator with demo data: no account, no network.
    #[arg(long)]
    demo: bool,
    /// Profile from the config file.
    #[arg(long)]
    profile: Option<String>,
    /// Region, e.g. cn-north-4 (endpoint and registry derive from it).
    #[arg(long)]
    region: Option<String>,
    /// SWR API endpoint URL (private deployments, the emulator). Plain http:// to another
    /// machine is warned about: credentials and tokens would travel unencrypted.
    #[arg(long)]
    endpoint: Option<String>,
    /// IAM endpoint URL (default: the region's, or the SWR endpoint when one is given).
    #[arg(long)]
    iam_endpoint: Option<String>,
    /// Open this enterprise-edition instance (name or id) instead of the shared edition.
    #[arg(long, value_name = "NAME|ID")]
    instance: Option<String>,
    /// Hide every write action.
    #[arg(long)]
    read_only: bool,
    /// Log filter for the log file, e.g. info, debug, swr_tui=trace.
    #[arg(long, default_value = "info")]
    log_level: String,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Serve the SWR API emulator alone.
    Emulator(Box<swr_tui::emulator::cli::EmulatorArgs>),
    /// Configuration file helpers.
    Config {
        #[command(subcommand)]
        what: ConfigCommand,
    },
    /// Print shell completions, e.g. `swr-tui completions bash >
    /// ~/.local/share/bash-completion/completions/swr-tui`.
    Completions {
        /// bash, zsh, fish, powershell or elvish.
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff), e.g. `swr-tui man > ~/.local/share/man/man1/swr-tui.1`.
    Man,
}

#[derive(Debug, Subcommand)]
enum ConfigCommand {
    /// Print where the config file is read from.
    Path,
    /// Print a commented example config file.
    Example,
}

fn main() {
    tune_allocator();
    let cli = Cli::parse();
    if let Err(e) = run(cli) {
        eprintln!("swr-tui: {e:#}");
        std::process::exit(exit_code(&e));
    }
}

/// 2 when the user named a config file that is not there (a usage error, as clap's are), else 1.
fn exit_code(e: &anyhow::Error) -> i32 {
    match e.downcast_ref::<ConfigError>() {
        Some(ConfigError::Missing { .. }) => 2,
        _ => 1,
    }
}

/// glibc raises its mmap threshold each time a large block is freed, so the 1 MB page buffers
/// of a list load end up carved out of the heap, which then stays resident after they are
/// freed. A fixed threshold keeps large buffers in their own mappings, returned on free: with
/// 100,000 tags loaded and refreshed, peak RSS 150 → 113 MB (`benches/load.py`).
fn tune_allocator() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: `mallopt` only sets an allocator parameter; it is called before any thread starts.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, 128 * 1024);
    }
}

/// Writes generated text to stdout; a closed pipe (`| head`) is an error, not a panic.
fn print_bytes(bytes: &[u8]) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    out.write_all(bytes)?;
    out.flush()?;
    Ok(())
}

fn run(cli: Cli) -> anyhow::Result<()> {
    let runtime = || tokio::runtime::Runtime::new();
    match cli.command {
        Some(Command::Emulator(args)) => runtime()?.block_on(swr_tui::emulator::cli::run(*args)),
        Some(Command::Config {
            what: ConfigCommand::Path,
        }) => {
            match config::config_path(&ProcessEnv) {
                Some(path) => println!("{}", path.display()),
                None => anyhow::bail!("no home directory to keep a config file in"),
            }
            Ok(())
        }
        Some(Command::Config {
            what: ConfigCommand::Example,
        }) => {
            print!("{}", include_str!("../assets/config.example.toml"));
            Ok(())
        }
        Some(Command::Completions { shell }) => {
            let mut text = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "swr-tui", &mut text);
            print_bytes(&text)
        }
        Some(Command::Man) => {
            let mut text = Vec::new();
            clap_mangen::Man::new(Cli::command()).render(&mut text)?;
            print_bytes(&text)
        }
        None => runtime()?.block_on(startup::run(Options {
            demo: cli.demo,
            flags: Flags {
                profile: cli.profile,
                region: cli.region,
                endpoint: cli.endpoint,
                iam_endpoint: cli.iam_endpoint,
                instance: cli.instance,
                read_only: cli.read_only,
            },
            log_level: cli.log_level,
        })),
    }
}
