use clap::{Parser, Subcommand};

/// swr-tui: a terminal console for Huawei Cloud SWR.
#[derive(Debug, Parser)]
#[command(name = "swr-tui", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Serve the SWR API emulator alone.
    Emulator(swr_tui::emulator::cli::EmulatorArgs),
}

fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Emulator(args)) => {
            let runtime = tokio::runtime::Runtime::new()?;
            runtime.block_on(swr_tui::emulator::cli::run(args))
        }
        None => {
            eprintln!(
                "The terminal UI is not built yet; try `swr-tui emulator --listen 127.0.0.1:0`."
            );
            std::process::exit(2);
        }
    }
}
