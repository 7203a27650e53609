//! Entering and leaving the full-screen terminal. Leaving happens on every path out: normal
//! return (the guard's `Drop`), panic (the hook), signals that end a process (the loop
//! returns, then `Drop`), and an abort (a SIGABRT handler that restores the terminal with
//! async-signal-safe calls only, then lets the abort go on).

use std::io::{self, Stdout, Write};

use crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use crossterm::execute;
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;

pub type Tty = Terminal<CrosstermBackend<Stdout>>;

/// Owns the full-screen terminal; dropping it gives the terminal back as it was.
pub struct TerminalGuard {
    pub terminal: Tty,
}

impl TerminalGuard {
    pub fn enter() -> io::Result<Self> {
        install_panic_hook();
        #[cfg(unix)]
        on_abort::install();
        enable_raw_mode()?;
        let mut stdout = io::stdout();
        if let Err(e) = execute!(
            stdout,
            EnterAlternateScreen,
            EnableMouseCapture,
            EnableBracketedPaste
        ) {
            restore();
            return Err(e);
        }
        let terminal = Terminal::new(CrosstermBackend::new(stdout)).inspect_err(|_| restore())?;
        Ok(Self { terminal })
    }

    /// Writes raw bytes (an OSC 52 sequence) straight to the terminal.
    pub fn write_raw(&mut self, bytes: &str) -> io::Result<()> {
        let out = self.terminal.backend_mut();
        out.write_all(bytes.as_bytes())?;
        out.flush()
    }
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        restore();
        let _ = self.terminal.show_cursor();
    }
}

/// Leaves raw mode, mouse capture and the alternate screen; safe to call more than once.
pub fn restore() {
    let _ = disable_raw_mode();
    let _ = execute!(
        io::stdout(),
        DisableBracketedPaste,
        DisableMouseCapture,
        LeaveAlternateScreen,
        crossterm::cursor::Show
    );
}

fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
    }));
}

/// An abort (a second panic, an allocation failure, `std::process::abort`) ends the process
/// without unwinding, so neither `Drop` nor the panic hook runs. A SIGABRT handler puts the
/// terminal back first: the terminal modes saved before raw mode, then the sequences that leave
/// the alternate screen, mouse capture and bracketed paste and show the cursor.
#[cfg(unix)]
mod on_abort {
    use std::sync::OnceLock;

    static SAVED: OnceLock<libc::termios> = OnceLock::new();

    /// Bracketed paste off, every mouse mode crossterm enables off, main screen, cursor shown.
    const LEAVE: &[u8] =
        b"\x1b[?2004l\x1b[?1006l\x1b[?1015l\x1b[?1003l\x1b[?1002l\x1b[?1000l\x1b[?1049l\x1b[?25h";

    pub fn install() {
        // SAFETY: `termios` is plain data; `tcgetattr` fills it or fails, and only a filled one
        // is kept. `sigaction` installs a handler that makes async-signal-safe calls only.
        unsafe {
            let mut modes: libc::termios = std::mem::zeroed();
            if libc::tcgetattr(libc::STDIN_FILENO, &mut modes) == 0 {
                let _ = SAVED.set(modes);
            }
            let mut action: libc::sigaction = std::mem::zeroed();
            action.sa_sigaction = restore_then_abort as *const () as libc::sighandler_t;
            action.sa_flags = libc::SA_RESETHAND;
            libc::sigemptyset(&mut action.sa_mask);
            libc::sigaction(libc::SIGABRT, &action, std::ptr::null_mut());
        }
    }

    extern "C" fn restore_then_abort(_: libc::c_int) {
        // SAFETY: `tcsetattr`, `write` and `raise` are async-signal-safe; `SAVED` is only read.
        // SA_RESETHAND put the default action back, so raising again ends the process.
        unsafe {
            if let Some(modes) = SAVED.get() {
                libc::tcsetattr(libc::STDIN_FILENO, libc::TCSANOW, modes);
            }
            libc::write(libc::STDOUT_FILENO, LEAVE.as_ptr().cast(), LEAVE.len());
            libc::raise(libc::SIGABRT);
        }
    }
}
